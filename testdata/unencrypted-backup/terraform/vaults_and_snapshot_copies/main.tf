# expect: unencrypted-backup
resource "aws_backup_vault" "nightly" {
  name = "nightly"
}

# ok: unencrypted-backup -- a customer-managed key
resource "aws_backup_vault" "compliance" {
  name        = "compliance"
  kms_key_arn = var.backup_key_arn
}

resource "aws_ebs_snapshot_copy" "cache_dr" {
  source_snapshot_id = var.snapshot_id
  source_region      = "eu-west-1"
  # expect: unencrypted-backup
  encrypted = false
}

# ok: unencrypted-backup -- encrypted with a key
resource "aws_ebs_snapshot_copy" "db_dr" {
  source_snapshot_id = var.db_snapshot_id
  source_region      = "eu-west-1"
  encrypted          = true
  kms_key_id         = var.dr_key_arn
}

resource "aws_ami_copy" "golden" {
  name              = "golden"
  source_ami_id     = var.ami_id
  source_ami_region = "eu-west-1"
  # expect: unencrypted-backup
  encrypted = false
}

resource "aws_dlm_lifecycle_policy" "daily" {
  description        = "daily snapshots"
  execution_role_arn = var.dlm_role_arn
  state              = "ENABLED"

  policy_details {
    resource_types = ["VOLUME"]

    schedule {
      name = "daily"
      create_rule {
        interval = 24
      }
      cross_region_copy_rule {
        target = "eu-central-1"
        # expect: unencrypted-backup
        encrypted = false
      }
    }

    target_tags = {
      Snapshot = "true"
    }
  }
}
