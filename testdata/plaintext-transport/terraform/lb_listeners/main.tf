resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.public.arn
  port              = 80
  # expect: plaintext-transport
  protocol = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "http_redirect" {
  load_balancer_arn = aws_lb.public.arn
  port              = 80
  # ok: plaintext-transport -- the only action redirects to HTTPS
  protocol = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  # ok: tls-outdated-protocol -- TLS 1.2 and 1.3 only
  ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_elb" "legacy" {
  name               = "legacy"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    # expect: plaintext-transport
    lb_protocol = "http"
  }
}

resource "aws_lb" "internal" {
  name               = "internal"
  load_balancer_type = "application"
  internal           = true
}

# expect: plaintext-transport
resource "aws_lb_listener" "internal_default" {
  load_balancer_arn = aws_lb.internal.arn
  port              = 8080

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
}

# ok: plaintext-transport -- a network load balancer listener, not HTTP
resource "aws_lb_listener" "tcp_default" {
  load_balancer_arn = aws_lb.tcp.arn
  port              = 5432

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.db.arn
  }
}
