const crypto = require('crypto');

// An assignment to an undeclared name inside a function does not carry its value to the
// next statement yet: blocked on the JavaScript front-end restructure.
function register(account, pwText) {
    digest = crypto.createHash('md5').update(pwText).digest('hex');
    // todo-expect: weak-password-hash
    account.setPassword(digest);
}

function avatar(account, email) {
    const seed = crypto.createHash('md5').update(email).digest('hex');
    // ok: weak-password-hash -- an md5 of an email for an avatar, not a password
    account.setAvatarSeed(seed);
}
