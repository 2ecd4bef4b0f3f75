#!/usr/bin/env python3
"""Writes a deterministic tree of realistic Terraform modules (standard library only).

No registry ships a large tree of real Terraform modules, so the benchmark generates one:
`--modules N` module directories, each with `main.tf`, `variables.tf`, `outputs.tf`,
`versions.tf` and one to three service files (storage, database, network, messaging, keys),
mixing secure and insecure settings the way real modules do. The same seed always gives the
same bytes.
"""

import argparse
import os
import random

SERVICES = ["storage", "database", "network", "messaging", "keys", "cache", "compute"]


def bucket(r, name):
    sse = r.random()
    out = [f'''resource "aws_s3_bucket" "{name}" {{
  bucket        = "${{var.prefix}}-{name}"
  force_destroy = var.force_destroy

  tags = merge(local.tags, {{
    Name = "{name}"
  }})
}}

resource "aws_s3_bucket_versioning" "{name}" {{
  bucket = aws_s3_bucket.{name}.id
  versioning_configuration {{
    status = "Enabled"
  }}
}}

resource "aws_s3_bucket_public_access_block" "{name}" {{
  bucket                  = aws_s3_bucket.{name}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}}
''']
    if sse < 0.6:
        out.append(f'''
resource "aws_s3_bucket_server_side_encryption_configuration" "{name}" {{
  bucket = aws_s3_bucket.{name}.id

  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.main.arn
    }}
    bucket_key_enabled = true
  }}
}}
''')
    elif sse < 0.8:
        out.append(f'''
resource "aws_s3_bucket_server_side_encryption_configuration" "{name}" {{
  bucket = aws_s3_bucket.{name}.id

  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm = "AES256"
    }}
  }}
}}
''')
    return "".join(out)


def database(r, name):
    enc = "true" if r.random() < 0.7 else "false"
    kms = "  kms_key_id            = aws_kms_key.main.arn\n" if r.random() < 0.5 else ""
    engine, port, family = r.choice(
        [("postgres", 5432, "postgres15"), ("mysql", 3306, "mysql8.0")]
    )
    param = "rds.force_ssl" if engine == "postgres" else "require_secure_transport"
    ssl = r.choice(["1", "0"]) if engine == "postgres" else r.choice(["ON", "OFF"])
    return f'''resource "aws_db_subnet_group" "{name}" {{
  name       = "${{var.prefix}}-{name}"
  subnet_ids = var.subnet_ids
  tags       = local.tags
}}

resource "aws_db_parameter_group" "{name}" {{
  name   = "${{var.prefix}}-{name}"
  family = "{family}"

  parameter {{
    name  = "{param}"
    value = "{ssl}"
  }}

  parameter {{
    name  = "log_min_duration_statement"
    value = "500"
  }}
}}

resource "aws_db_instance" "{name}" {{
  identifier              = "${{var.prefix}}-{name}"
  engine                  = "{engine}"
  instance_class          = var.instance_class
  allocated_storage       = {r.choice([20, 50, 100, 500])}
  db_subnet_group_name    = aws_db_subnet_group.{name}.name
  parameter_group_name    = aws_db_parameter_group.{name}.name
  vpc_security_group_ids  = [aws_security_group.{name}.id]
  port                    = {port}
  username                = var.db_username
  manage_master_user_password = true
  backup_retention_period = {r.choice([0, 7, 14, 35])}
  storage_encrypted       = {enc}
{kms}  skip_final_snapshot     = false
  deletion_protection     = true
  tags                    = local.tags
}}

resource "aws_security_group" "{name}" {{
  name   = "${{var.prefix}}-{name}-db"
  vpc_id = var.vpc_id

  ingress {{
    from_port   = {port}
    to_port     = {port}
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
  }}

  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}
'''


def network(r, name):
    https = r.random() < 0.6
    policy = r.choice(
        [
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "ELBSecurityPolicy-2016-08",
            "ELBSecurityPolicy-TLS-1-2-2017-01",
        ]
    )
    out = f'''resource "aws_lb" "{name}" {{
  name               = "${{var.prefix}}-{name}"
  internal           = {r.choice(["true", "false"])}
  load_balancer_type = "application"
  security_groups    = var.security_group_ids
  subnets            = var.subnet_ids
  drop_invalid_header_fields = true
  tags               = local.tags
}}

resource "aws_lb_target_group" "{name}" {{
  name     = "${{var.prefix}}-{name}"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id

  health_check {{
    path    = "/healthz"
    matcher = "200"
  }}
}}
'''
    if https:
        out += f'''
resource "aws_lb_listener" "{name}_https" {{
  load_balancer_arn = aws_lb.{name}.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "{policy}"
  certificate_arn   = var.certificate_arn

  default_action {{
    type             = "forward"
    target_group_arn = aws_lb_target_group.{name}.arn
  }}
}}

resource "aws_lb_listener" "{name}_http" {{
  load_balancer_arn = aws_lb.{name}.arn
  port              = 80
  protocol          = "HTTP"

  default_action {{
    type = "redirect"
    redirect {{
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }}
  }}
}}
'''
    else:
        out += f'''
resource "aws_lb_listener" "{name}_http" {{
  load_balancer_arn = aws_lb.{name}.arn
  port              = 80
  protocol          = "HTTP"

  default_action {{
    type             = "forward"
    target_group_arn = aws_lb_target_group.{name}.arn
  }}
}}
'''
    return out


def messaging(r, name):
    sqs = (
        "  kms_master_key_id                 = aws_kms_key.main.id\n"
        "  kms_data_key_reuse_period_seconds = 300\n"
        if r.random() < 0.5
        else f"  sqs_managed_sse_enabled = {r.choice(['true', 'false'])}\n"
    )
    sns = "  kms_master_key_id = aws_kms_key.main.id\n" if r.random() < 0.6 else ""
    return f'''resource "aws_sqs_queue" "{name}" {{
  name                       = "${{var.prefix}}-{name}"
  visibility_timeout_seconds = 60
  message_retention_seconds  = 1209600
{sqs}  redrive_policy = jsonencode({{
    deadLetterTargetArn = aws_sqs_queue.{name}_dlq.arn
    maxReceiveCount     = 5
  }})
  tags = local.tags
}}

resource "aws_sqs_queue" "{name}_dlq" {{
  name                    = "${{var.prefix}}-{name}-dlq"
  sqs_managed_sse_enabled = true
  tags                    = local.tags
}}

resource "aws_sns_topic" "{name}" {{
  name = "${{var.prefix}}-{name}"
{sns}  tags = local.tags
}}

resource "aws_sns_topic_subscription" "{name}" {{
  topic_arn = aws_sns_topic.{name}.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.{name}.arn
}}
'''


def keys(r, name):
    rot = r.choice(["true", "true", "false"])
    return f'''resource "aws_kms_key" "{name}" {{
  description             = "{name} data key"
  deletion_window_in_days = 30
  enable_key_rotation     = {rot}
  policy                  = data.aws_iam_policy_document.{name}.json
  tags                    = local.tags
}}

resource "aws_kms_alias" "{name}" {{
  name          = "alias/${{var.prefix}}-{name}"
  target_key_id = aws_kms_key.{name}.key_id
}}

data "aws_iam_policy_document" "{name}" {{
  statement {{
    sid       = "EnableRoot"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {{
      type        = "AWS"
      identifiers = ["arn:aws:iam::${{data.aws_caller_identity.current.account_id}}:root"]
    }}
  }}
}}
'''


def cache(r, name):
    transit = r.choice(["true", "false"])
    rest = r.choice(["true", "false"])
    return f'''resource "aws_elasticache_subnet_group" "{name}" {{
  name       = "${{var.prefix}}-{name}"
  subnet_ids = var.subnet_ids
}}

resource "aws_elasticache_replication_group" "{name}" {{
  replication_group_id       = "${{var.prefix}}-{name}"
  description                = "{name} cache"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.{name}.name
  automatic_failover_enabled = true
  at_rest_encryption_enabled = {rest}
  transit_encryption_enabled = {transit}
  tags                       = local.tags
}}
'''


def compute(r, name):
    enc = r.choice(["true", "true", "false"])
    return f'''resource "aws_launch_template" "{name}" {{
  name_prefix   = "${{var.prefix}}-{name}-"
  image_id      = data.aws_ami.base.id
  instance_type = var.instance_type

  block_device_mappings {{
    device_name = "/dev/xvda"
    ebs {{
      volume_size = {r.choice([20, 40, 80])}
      volume_type = "gp3"
      encrypted   = {enc}
    }}
  }}

  metadata_options {{
    http_tokens = "required"
  }}
}}

resource "aws_ebs_volume" "{name}" {{
  availability_zone = var.availability_zone
  size              = {r.choice([10, 100, 1000])}
  encrypted         = {r.choice(["true", "false"])}
  tags              = local.tags
}}

resource "aws_autoscaling_group" "{name}" {{
  name                = "${{var.prefix}}-{name}"
  min_size            = 1
  max_size            = {r.choice([2, 4, 10])}
  vpc_zone_identifier = var.subnet_ids

  launch_template {{
    id      = aws_launch_template.{name}.id
    version = "$Latest"
  }}
}}
'''


WRITERS = {
    "storage": bucket,
    "database": database,
    "network": network,
    "messaging": messaging,
    "keys": keys,
    "cache": cache,
    "compute": compute,
}

VARIABLES = '''variable "prefix" {
  description = "Name prefix for every resource."
  type        = string
}

variable "force_destroy" {
  type    = bool
  default = false
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type    = list(string)
  default = []
}

variable "allowed_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

variable "instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "instance_type" {
  type    = string
  default = "t3.medium"
}

variable "db_username" {
  type    = string
  default = "app"
}

variable "certificate_arn" {
  type    = string
  default = ""
}

variable "availability_zone" {
  type    = string
  default = "eu-west-1a"
}

variable "tags" {
  type    = map(string)
  default = {}
}
'''

VERSIONS = '''terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}
'''


def module(r, index):
    services = r.sample(SERVICES, r.randint(1, 3))
    name = f"svc{index:04d}"
    files = {
        "versions.tf": VERSIONS,
        "variables.tf": VARIABLES,
        "main.tf": f'''locals {{
  tags = merge(var.tags, {{
    Module  = "{name}"
    Owner   = "team-{r.randint(1, 40)}"
    Service = "{"-".join(services)}"
  }})
}}

data "aws_caller_identity" "current" {{}}

data "aws_ami" "base" {{
  most_recent = true
  owners      = ["amazon"]
  filter {{
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }}
}}

resource "aws_kms_key" "main" {{
  description             = "{name} main key"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  tags                    = local.tags
}}
''',
    }
    outputs = []
    for s in services:
        res = f"{s}_{r.randint(1, 9)}"
        files[f"{s}.tf"] = WRITERS[s](r, res)
        outputs.append(
            f'output "{res}_tags" {{\n  value = local.tags\n  description = "{s} tags"\n}}\n'
        )
    files["outputs.tf"] = "\n".join(outputs)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--modules", type=int, default=500)
    ap.add_argument("--seed", type=int, default=20261128)
    args = ap.parse_args()
    r = random.Random(args.seed)
    for i in range(args.modules):
        group = f"group{i // 50:02d}"
        d = os.path.join(args.out, "modules", group, f"svc{i:04d}")
        os.makedirs(d, exist_ok=True)
        for fname, text in module(r, i).items():
            with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main()
