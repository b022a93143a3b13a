/**
 * Ignore rules on by default, per kind (Kubernetes) or resource type
 * (Terraform). `pragmaticGitops.ignoreDifferences` overrides them per kind:
 * a configured kind replaces its default list (`[]` turns it off), other
 * kinds keep theirs; the ignore-differences annotation adds to them.
 */
export const DEFAULT_IGNORE_DIFFERENCES: Record<string, string[]> = {
  // Injected by admission webhooks and rotated by the cluster, never declared.
  MutatingWebhookConfiguration: ['/webhooks/0/clientConfig/caBundle'],
  ValidatingWebhookConfiguration: ['/webhooks/0/clientConfig/caBundle'],
  // Terraform: attributes the provider computes and the cloud moves between
  // applies without anyone touching the resource, so every refresh would
  // report them. Each is a timestamp, a status or a version the cloud
  // manages; a real change made by hand also shows in another attribute
  // (code hash, instance class, engine version asked for).
  aws_db_instance: [
    '/latest_restorable_time', // moves every few minutes (point-in-time recovery)
    '/status', // available, backing-up, modifying…
    '/engine_version_actual', // automatic minor version upgrades
  ],
  aws_rds_cluster: ['/engine_version_actual'],
  aws_instance: ['/instance_state'], // running, stopped, by schedules and autoscaling
  aws_lambda_function: ['/last_modified'], // a deploy by hand also changes source_code_hash
  aws_eks_cluster: ['/platform_version'], // upgraded by AWS
  // Bumped by Cloudflare on every edit; an edit by hand also shows in /rules.
  cloudflare_ruleset: ['/last_updated', '/version'],
  google_container_cluster: ['/master_version'], // GKE auto-upgrades
  google_compute_instance: ['/current_status'],
};
