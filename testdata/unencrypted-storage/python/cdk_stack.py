from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_elasticloadbalancingv2 as elbv2
from aws_cdk import aws_kms as kms
from aws_cdk import aws_rds as rds
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, id: str, vpc: ec2.IVpc) -> None:
        super().__init__(scope, id)
        key = kms.Key(self, "DataKey", enable_key_rotation=True)

        # expect: unencrypted-storage
        s3.Bucket(self, "Raw", encryption=s3.BucketEncryption.UNENCRYPTED)
        # expect: unencrypted-storage
        s3.Bucket(self, "Scratch", removal_policy=RemovalPolicy.DESTROY)
        # ok: unencrypted-storage -- a customer-managed key
        s3.Bucket(self, "Curated", encryption=s3.BucketEncryption.KMS, encryption_key=key, enforce_ssl=True)
        # expect: provider-managed-key
        s3.Bucket(self, "Reports", encryption=s3.BucketEncryption.S3_MANAGED)
        # expect: plaintext-transport
        s3.Bucket(self, "Public", encryption=s3.BucketEncryption.KMS, encryption_key=key, enforce_ssl=False)

        # expect: unencrypted-storage
        rds.DatabaseInstance(self, "Db", engine=rds.DatabaseInstanceEngine.POSTGRES, vpc=vpc)
        # ok: unencrypted-storage -- encrypted with a customer key
        rds.DatabaseInstance(self, "Db2", engine=rds.DatabaseInstanceEngine.POSTGRES, vpc=vpc, storage_encrypted=True, storage_encryption_key=key)
        # expect: unencrypted-storage
        rds.DatabaseCluster(self, "Cluster", engine=rds.DatabaseClusterEngine.AURORA_POSTGRESQL, vpc=vpc, storage_encrypted=False)

        # expect: unencrypted-storage
        ec2.Volume(self, "Scratch", availability_zone="eu-west-1a", size=None)
        # ok: unencrypted-storage -- encrypted
        ec2.Volume(self, "Data", availability_zone="eu-west-1a", encrypted=True, encryption_key=key)

        # expect: unencrypted-storage
        sqs.Queue(self, "Jobs", encryption=sqs.QueueEncryption.UNENCRYPTED)
        # expect: provider-managed-key
        sqs.Queue(self, "Events", encryption=sqs.QueueEncryption.SQS_MANAGED)
        # ok: unencrypted-storage -- a customer-managed key
        sqs.Queue(self, "Orders", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key)

        # expect: unencrypted-storage
        sns.Topic(self, "Alerts")
        # ok: unencrypted-storage -- encrypted topic
        sns.Topic(self, "Billing", master_key=key)

        lb = elbv2.ApplicationLoadBalancer(self, "Lb", vpc=vpc, internet_facing=True)
        # expect: plaintext-transport
        lb.add_listener("Http", port=80, protocol=elbv2.ApplicationProtocol.HTTP)
        # ok: plaintext-transport -- the HTTP listener only redirects
        lb.add_listener("Redirect", port=80, protocol=elbv2.ApplicationProtocol.HTTP, default_action=elbv2.ListenerAction.redirect(protocol="HTTPS", port="443"))


def bucket_from_props(scope, props):
    # ok: unencrypted-storage -- the encryption setting may be in props
    return s3.Bucket(scope, "FromProps", **props)
