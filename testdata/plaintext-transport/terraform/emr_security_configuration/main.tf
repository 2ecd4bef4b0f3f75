resource "aws_emr_security_configuration" "batch" {
  name = "batch"

  # expect: plaintext-transport, unencrypted-storage
  configuration = <<EOF
{
  "EncryptionConfiguration": {
    "EnableInTransitEncryption": false,
    "EnableAtRestEncryption": false
  }
}
EOF
}

resource "aws_emr_security_configuration" "secure" {
  name = "secure"

  # ok: plaintext-transport -- both encryptions on
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableInTransitEncryption = true
      EnableAtRestEncryption    = true
      AtRestEncryptionConfiguration = {
        S3EncryptionConfiguration = {
          EncryptionMode = "SSE-KMS"
          AwsKmsKey      = "arn:aws:kms:eu-west-1:111122223333:key/abc"
        }
      }
    }
  })
}

resource "aws_emr_security_configuration" "transit_off" {
  name = "transit-off"

  # expect: plaintext-transport
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableInTransitEncryption = false
      EnableAtRestEncryption    = true
    }
  })
}
