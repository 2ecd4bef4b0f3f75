resource "aws_ami" "unencrypted" {
  name                = "app"
  virtualization_type = "hvm"
  root_device_name    = "/dev/xvda"

  ebs_block_device {
    device_name = "/dev/xvda"
    snapshot_id = aws_ebs_snapshot.app.id
    volume_size = 8
    # expect: unencrypted-storage
    encrypted = false
  }
}

# ok: unencrypted-storage -- without `encrypted` the AMI's volume follows its snapshot's encryption
resource "aws_ami" "from_snapshot" {
  name                = "app-2"
  virtualization_type = "hvm"
  root_device_name    = "/dev/xvda"

  ebs_block_device {
    device_name = "/dev/xvda"
    snapshot_id = aws_ebs_snapshot.app.id
  }
}

resource "aws_kinesis_firehose_delivery_stream" "clicks" {
  name        = "clicks"
  destination = "extended_s3"

  server_side_encryption {
    # expect: unencrypted-storage
    enabled = false
  }
}

resource "aws_kinesis_firehose_delivery_stream" "orders" {
  name        = "orders"
  destination = "extended_s3"

  server_side_encryption {
    # ok: unencrypted-storage -- encrypted with a customer-managed key
    enabled  = true
    key_type = "CUSTOMER_MANAGED_CMK"
    key_arn  = aws_kms_key.firehose.arn
  }
}
