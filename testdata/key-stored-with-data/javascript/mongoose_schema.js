const mongoose = require('mongoose');

const PatientSchema = new mongoose.Schema({
  name: String,
  encryptedSsn: String,
  // expect: key-stored-with-data
  encryptionKey: String,
});

const EnvelopeSchema = new mongoose.Schema({
  encryptedNotes: String,
  // ok: key-stored-with-data -- a KMS-wrapped data key is envelope encryption
  wrappedDataKey: String,
  // ok: key-stored-with-data -- a key id, not a key
  kmsKeyId: String,
});
