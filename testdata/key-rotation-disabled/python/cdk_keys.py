from aws_cdk import Stack
from aws_cdk import aws_kms as kms


class Keys(Stack):
    def build(self):
        # expect: key-rotation-disabled
        kms.Key(self, "Data")
        # expect: key-rotation-disabled
        kms.Key(self, "Logs", enable_key_rotation=False)
        # ok: key-rotation-disabled -- rotates yearly
        kms.Key(self, "Rotating", enable_key_rotation=True)
        # ok: key-rotation-disabled -- asymmetric keys cannot rotate
        kms.Key(self, "Signing", key_spec=kms.KeySpec.RSA_2048, key_usage=kms.KeyUsage.SIGN_VERIFY)
