import { Stack, StackProps } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export class DataStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps, bucketProps: s3.BucketProps) {
    super(scope, id, props);
    const key = new kms.Key(this, 'DataKey', { enableKeyRotation: true });

    // expect: unencrypted-storage
    new s3.Bucket(this, 'Raw', { encryption: s3.BucketEncryption.UNENCRYPTED });
    // expect: unencrypted-storage
    new s3.Bucket(this, 'Scratch', { versioned: true });
    // ok: unencrypted-storage -- the props come from elsewhere and may set encryption
    new s3.Bucket(this, 'FromProps', bucketProps);
    // ok: unencrypted-storage -- a customer-managed key
    new s3.Bucket(this, 'Curated', { encryption: s3.BucketEncryption.KMS, encryptionKey: key, enforceSSL: true });
    // expect: provider-managed-key
    new s3.Bucket(this, 'Reports', { encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true });
    // expect: plaintext-transport
    new s3.Bucket(this, 'Public', { encryption: s3.BucketEncryption.KMS, encryptionKey: key, enforceSSL: false });

    // expect: unencrypted-storage
    new rds.DatabaseCluster(this, 'Cluster', { engine: rds.DatabaseClusterEngine.AURORA_POSTGRESQL, storageEncrypted: false });
    // expect: unencrypted-storage
    new sqs.Queue(this, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    // expect: key-rotation-disabled
    new kms.Key(this, 'Logs', { enableKeyRotation: false });
    // ok: key-rotation-disabled -- asymmetric keys cannot rotate
    new kms.Key(this, 'Signing', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.SIGN_VERIFY });

    const lb = new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc: undefined as any, internetFacing: true });
    // expect: plaintext-transport
    lb.addListener('Http', { port: 80, protocol: elbv2.ApplicationProtocol.HTTP });
    // ok: plaintext-transport -- redirects to HTTPS
    lb.addListener('Redirect', { port: 80, protocol: elbv2.ApplicationProtocol.HTTP, defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443' }) });
  }
}
