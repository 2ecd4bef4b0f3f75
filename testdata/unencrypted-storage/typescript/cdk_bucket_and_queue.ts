import { Stack, StackProps, aws_s3 as s3, aws_sqs as sqs, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class DataStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // expect: unencrypted-storage
    new s3.Bucket(this, 'Exports', { versioned: true });

    // expect: unencrypted-storage
    new sqs.Queue(this, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED });

    const key = new kms.Key(this, 'DataKey', { enableKeyRotation: true });
    // ok: unencrypted-storage -- customer-managed key
    new s3.Bucket(this, 'Archive', { encryption: s3.BucketEncryption.KMS, encryptionKey: key });

    // ok: unencrypted-storage -- SQS-managed encryption is encryption
    // expect: provider-managed-key
    new sqs.Queue(this, 'Events', { encryption: sqs.QueueEncryption.SQS_MANAGED });
  }
}
