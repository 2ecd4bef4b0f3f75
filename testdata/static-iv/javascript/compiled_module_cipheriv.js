"use strict";
const crypto_1 = __importDefault(require("crypto"));

function seal(text, key) {
    // expect: static-iv
    const cipher = crypto_1.default.createCipheriv("aes-256-gcm", key, "");
    return Buffer.concat([cipher.update(text), cipher.final()]);
}

function sealRandom(text, key) {
    // ok: static-iv -- a fresh random IV per message
    const cipher = crypto_1.default.createCipheriv("aes-256-gcm", key, crypto_1.default.randomBytes(12));
    return Buffer.concat([cipher.update(text), cipher.final()]);
}
exports.seal = seal;
exports.sealRandom = sealRandom;
