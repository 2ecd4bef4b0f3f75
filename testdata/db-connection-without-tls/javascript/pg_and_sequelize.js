const { Pool, Client } = require('pg');
const { Sequelize } = require('sequelize');

// expect: db-connection-without-tls
const pool = new Pool({ host: 'db.prod.example.com', ssl: false });

// expect: db-connection-without-tls
const client = new Client({ connectionString: 'postgresql://app@db.prod.example.com/app?sslmode=disable' });

const sequelize = new Sequelize(process.env.DB_NAME, process.env.DB_USER, process.env.DB_PASS, {
  host: 'db.prod.example.com',
  dialect: 'postgres',
  // expect: db-connection-without-tls
  dialectOptions: { ssl: false },
});

// ok: db-connection-without-tls -- loopback database
const local = new Pool({ host: 'localhost', ssl: false });

// ok: db-connection-without-tls -- verify-full
const verified = new Client({ connectionString: 'postgresql://app@db.prod.example.com/app?sslmode=verify-full' });
