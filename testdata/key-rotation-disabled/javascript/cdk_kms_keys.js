const cdk = require('aws-cdk-lib');
const { aws_kms: kms, aws_s3: s3, aws_sqs: sqs } = require('aws-cdk-lib');

class DataStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    // expect: key-rotation-disabled
    new kms.Key(this, 'ExportKey', { enableKeyRotation: false });
    // ok: key-rotation-disabled -- rotation on
    new kms.Key(this, 'DataKey', { enableKeyRotation: true });
    // ok: key-rotation-disabled -- asymmetric keys cannot rotate
    new kms.Key(this, 'SigningKey', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.SIGN_VERIFY });
  }
}

module.exports = { DataStack };
