resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

# ok: unencrypted-storage -- the module turns on EBS encryption by default
resource "aws_instance" "bastion" {
  ami           = var.ami_id
  instance_type = "t3.micro"
}
