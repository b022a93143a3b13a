variable "zone_id" {
  description = "Cloudflare zone ID of example.com."
  type        = string
  default     = "0f2c6d8e5a3b4c1d9e7f6a5b4c3d2e1f"
}

variable "origin_hostname" {
  description = "Public load balancer in front of the clusters."
  type        = string
  default     = "origin-prod-eu-1-1234567890.eu-west-1.elb.amazonaws.com"
}
