import { Stack, StackProps, aws_kms as kms, aws_s3 as s3, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class DataStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    // expect: provider-managed-key
    new s3.Bucket(this, 'Exports', { encryption: s3.BucketEncryption.S3_MANAGED });
    // expect: provider-managed-key
    new sqs.Queue(this, 'Jobs', { encryption: sqs.QueueEncryption.SQS_MANAGED });
    const key = new kms.Key(this, 'DataKey', { enableKeyRotation: true });
    // ok: provider-managed-key -- a customer-managed key
    new s3.Bucket(this, 'Archive', { encryption: s3.BucketEncryption.KMS, encryptionKey: key });
  }
}
