const crypto = require('crypto');
const CryptoJS = require('crypto-js');
const md5 = require('md5');

function register(account, pwText) {
    const digest = crypto.createHash('md5').update(pwText).digest('hex');
    // expect: weak-password-hash
    account.setPassword(digest);
}

function migrate(account, secret) {
    // expect: weak-password-hash
    account.passwordHash = CryptoJS.SHA256(secret).toString();
    // expect: weak-password-hash
    account.setPassword(md5(secret));
}

function reset(account, password) {
    // expect: weak-password-hash
    account.setPassword(crypto.createHash('sha1').update(password).digest('hex'));
}

// An assignment to an undeclared name, declared and assigned nowhere else, carries its value
// to the statements after it in the same block.
function legacy(account, pwText) {
    hashed = crypto.createHash('md5').update(pwText).digest('hex');
    // expect: weak-password-hash
    account.setPassword(hashed);
}

function avatar(account, email) {
    const seed = crypto.createHash('md5').update(email).digest('hex');
    // ok: weak-password-hash -- an md5 of an email for an avatar, not a password
    account.setAvatarSeed(seed);
}

function sealed(account, pwText, vault) {
    // ok: weak-password-hash -- bcrypt from the vault service, not a fast digest
    account.setPassword(vault.bcrypt(pwText));
}


function twice(account, pwText, vault) {
    digested = crypto.createHash('md5').update(pwText).digest('hex');
    if (vault) {
        digested = vault.bcrypt(pwText);
    }
    // ok: weak-password-hash -- assigned twice: either may reach the call
    account.setPassword(digested);
}

function before(account) {
    // ok: weak-password-hash -- used before the assignment
    account.setPassword(early);
    early = crypto.createHash('md5').update(account.pw).digest('hex');
}

function nested(account, pwText, legacyMode) {
    if (legacyMode) {
        inner = crypto.createHash('md5').update(pwText).digest('hex');
    }
    // ok: weak-password-hash -- assigned in another block
    account.setPassword(inner);
}
