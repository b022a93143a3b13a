terraform {
  required_version = ">= 1.9"

  required_providers {
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.11"
    }
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.18"
    }
  }

  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "edge/cdn.tfstate"
    region       = "eu-west-1"
    use_lockfile = true
  }
}
