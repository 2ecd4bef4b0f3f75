// A protected field spelled only with a camelCase `enc` prefix: the prefilter must let the
// file through (an earlier word list, which needed the prefix and an underscore, skipped
// it).
const mongoose = require('mongoose');

const TokenSchema = new mongoose.Schema({
  encPayload: Buffer,
  // expect: key-stored-with-data
  dataKey: Buffer,
});

const CodecSchema = new mongoose.Schema({
  encoding: String,
  // ok: key-stored-with-data -- `encoding` is not protected data
  dataKey: Buffer,
});

module.exports = { TokenSchema, CodecSchema };
