import { Stack, StackProps, aws_kms as kms, aws_s3 as s3, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class DataStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    // expect: key-rotation-disabled
    new kms.Key(this, 'ExportKey', { enableKeyRotation: false });
    // ok: key-rotation-disabled -- rotation on
    new kms.Key(this, 'DataKey', { enableKeyRotation: true });
    // ok: key-rotation-disabled -- asymmetric keys cannot rotate
    new kms.Key(this, 'SigningKey', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.SIGN_VERIFY });
  }
}
