"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const crypto_1 = __importDefault(require("crypto"));

function seal(text, iv) {
    // expect: hardcoded-key
    const cipher = crypto_1.default.createCipheriv("aes-128-gcm", "k3y", iv);
    return Buffer.concat([cipher.update(text), cipher.final()]);
}

function sealWithEnvKey(text, iv) {
    // ok: hardcoded-key -- the key comes from the environment
    const cipher = crypto_1.default.createCipheriv("aes-256-gcm", Buffer.from(process.env.SEAL_KEY, "base64"), iv);
    return Buffer.concat([cipher.update(text), cipher.final()]);
}
exports.seal = seal;
exports.sealWithEnvKey = sealWithEnvKey;
