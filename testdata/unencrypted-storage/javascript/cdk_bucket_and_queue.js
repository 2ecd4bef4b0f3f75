const cdk = require('aws-cdk-lib');
const { aws_kms: kms, aws_s3: s3, aws_sqs: sqs } = require('aws-cdk-lib');

class DataStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    // expect: unencrypted-storage
    new s3.Bucket(this, 'Exports', { versioned: true });
    // expect: unencrypted-storage
    new sqs.Queue(this, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    const key = new kms.Key(this, 'DataKey', { enableKeyRotation: true });
    // ok: unencrypted-storage -- a customer-managed key
    new s3.Bucket(this, 'Archive', { encryption: s3.BucketEncryption.KMS, encryptionKey: key });
  }
}

module.exports = { DataStack };
