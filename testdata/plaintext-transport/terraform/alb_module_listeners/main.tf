module "public_alb" {
  source  = "terraform-aws-modules/alb/aws"
  version = "~> 8.0"

  name    = "public"
  vpc_id  = var.vpc_id
  subnets = var.public_subnets

  http_tcp_listeners = [
    {
      port = 80
      # expect: plaintext-transport
      protocol = "HTTP"
    }
  ]
}

# ok: plaintext-transport -- port 80 only redirects to HTTPS
module "shop_alb" {
  source  = "terraform-aws-modules/alb/aws"
  version = "~> 8.0"

  name    = "shop"
  vpc_id  = var.vpc_id
  subnets = var.public_subnets

  http_tcp_listeners = [
    {
      port        = 80
      protocol    = "HTTP"
      action_type = "redirect"
      redirect = {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
  ]
}

module "api_alb" {
  source  = "terraform-aws-modules/alb/aws"
  version = "~> 9.0"

  name    = "api"
  vpc_id  = var.vpc_id
  subnets = var.public_subnets

  listeners = {
    plain = {
      port = 8080
      # expect: plaintext-transport
      protocol = "HTTP"
      forward = {
        target_group_key = "api"
      }
    }
    secure = {
      port            = 443
      protocol        = "HTTPS"
      certificate_arn = var.certificate_arn
      # expect: tls-outdated-protocol
      ssl_policy = "ELBSecurityPolicy-2016-08"
      forward = {
        target_group_key = "api"
      }
    }
  }
}
