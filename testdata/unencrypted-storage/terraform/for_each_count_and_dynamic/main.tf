resource "aws_ebs_volume" "scratch" {
  for_each          = { a = true, b = false }
  availability_zone = "eu-west-1a"
  size              = 10
  # expect: unencrypted-storage
  encrypted  = each.value
  kms_key_id = var.volume_key_arn
}

# ok: unencrypted-storage -- count = 0 creates nothing
resource "aws_ebs_volume" "disabled" {
  count             = 0
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}

resource "aws_launch_template" "workers" {
  name = "workers"

  dynamic "block_device_mappings" {
    for_each = ["/dev/xvda", "/dev/xvdb"]
    content {
      device_name = block_device_mappings.value
      ebs {
        volume_size = 50
        # expect: unencrypted-storage
        encrypted = false
      }
    }
  }
}
