terraform {
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.18"
    }
  }

  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "edge/dns-zones.tfstate"
    region       = "eu-west-1"
    use_lockfile = true
  }
}
