from aws_cdk import Stack, aws_kms as kms, aws_s3 as s3, aws_sqs as sqs
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # expect: provider-managed-key
        s3.Bucket(self, "Exports", encryption=s3.BucketEncryption.S3_MANAGED)
        # expect: provider-managed-key
        sqs.Queue(self, "Jobs", encryption=sqs.QueueEncryption.SQS_MANAGED)
        key = kms.Key(self, "DataKey", enable_key_rotation=True)
        # ok: provider-managed-key -- a customer-managed key
        s3.Bucket(self, "Archive", encryption=s3.BucketEncryption.KMS, encryption_key=key)
