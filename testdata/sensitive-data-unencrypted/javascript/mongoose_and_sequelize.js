const mongoose = require("mongoose");
const { Sequelize, DataTypes, Model } = require("sequelize");
const { fieldEncryption } = require("mongoose-field-encryption");

const PatientSchema = new mongoose.Schema({
  name: String,
  // expect: sensitive-data-unencrypted
  ssn: { type: String, required: true },
  // expect: sensitive-data-unencrypted
  diagnosis: String,
  // ok: sensitive-data-unencrypted -- mongoose-field-encryption encrypts it (plugin below)
  passportNo: String,
  // ok: sensitive-data-unencrypted -- a date
  passportExpiry: Date,
  // ok: sensitive-data-unencrypted -- a token
  cardToken: String,
});
PatientSchema.plugin(fieldEncryption, { fields: ["passportNo"], secret: process.env.SECRET });

const sequelize = new Sequelize(process.env.DATABASE_URL);

const Account = sequelize.define("Account", {
  // expect: sensitive-data-unencrypted
  accountNumber: { type: DataTypes.STRING, allowNull: false },
  // expect: sensitive-data-unencrypted
  routingNumber: DataTypes.STRING(9),
  // ok: sensitive-data-unencrypted -- the account's kind
  accountType: DataTypes.STRING,
  // ok: sensitive-data-unencrypted -- a rate
  taxRate: DataTypes.DECIMAL,
});

class Card extends Model {}
Card.init(
  {
    // expect: sensitive-data-unencrypted
    pan: DataTypes.STRING,
    // ok: sensitive-data-unencrypted -- a fingerprint
    panFingerprint: DataTypes.STRING,
    // ok: sensitive-data-unencrypted -- a span, not a PAN
    span: DataTypes.INTEGER,
  },
  { sequelize, modelName: "Card" },
);

module.exports = { Account, Card, Patient: mongoose.model("Patient", PatientSchema) };
