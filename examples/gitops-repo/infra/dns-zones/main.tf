# Public DNS of the shop (Route 53). Track C: planned nightly and on every
# pull request, applied by CI after merge. Web names are CNAMEs to the
# Cloudflare edge (partial setup); mail and policy records live here too.

provider "aws" {
  region = "eu-west-1"
}

resource "aws_route53_zone" "public" {
  name    = "example.com"
  comment = "Public zone of the shop, managed by Terraform (infra/dns-zones)"
}

resource "aws_route53_record" "www" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "www.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["www.example.com.cdn.cloudflare.net"]
}

resource "aws_route53_record" "checkout" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "checkout.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["checkout.example.com.cdn.cloudflare.net"]
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "example.com"
  type    = "MX"
  ttl     = 3600
  records = ["10 mx1.mail.example.net", "20 mx2.mail.example.net"]
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 3600
  records = ["v=spf1 include:_spf.mail.example.net -all"]
}

resource "aws_route53_record" "dmarc" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "_dmarc.example.com"
  type    = "TXT"
  ttl     = 3600
  records = ["v=DMARC1; p=reject; rua=mailto:dmarc@example.com"]
}

resource "aws_route53_record" "caa" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "example.com"
  type    = "CAA"
  ttl     = 3600
  records = ["0 issue \"letsencrypt.org\"", "0 iodef \"mailto:security@example.com\""]
}
