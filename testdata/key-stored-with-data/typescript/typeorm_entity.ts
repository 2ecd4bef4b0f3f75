import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class PaymentCard {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  encryptedPan: string;

  // expect: key-stored-with-data
  @Column()
  dataKey: string;
}

@Entity()
export class Customer {
  @Column()
  // ok: key-stored-with-data -- a primary key is not an encryption key
  primaryKey: string;

  @Column()
  encryptedAddress: string;
}
