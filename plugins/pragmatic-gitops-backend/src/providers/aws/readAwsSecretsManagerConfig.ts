import { Config } from '@backstage/config';

export const AWS_SECRETS_MANAGER_CONFIG_KEY =
  'pragmaticGitops.awsSecretsManager';

export type AwsSecretsManagerConfig = {
  /** The only regions called; the first is where plain names (not ARNs) are looked up. */
  regions: string[];
  /** Another endpoint for every region (a VPC endpoint, or a local stand-in). */
  endpoint?: string;
  timeoutMs: number;
  concurrency: number;
};

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** `pragmaticGitops.awsSecretsManager`, or undefined when not configured. */
export function readAwsSecretsManagerConfig(
  config: Config,
): AwsSecretsManagerConfig | undefined {
  const section = config.getOptionalConfig(AWS_SECRETS_MANAGER_CONFIG_KEY);
  if (!section) return undefined;
  const regions = section.getStringArray('regions');
  for (const [index, region] of regions.entries()) {
    if (!REGION.test(region)) {
      throw new Error(
        `Invalid AWS Secrets Manager configuration at '${AWS_SECRETS_MANAGER_CONFIG_KEY}.regions[${index}]': '${region}' is not an AWS region such as eu-west-1`,
      );
    }
  }
  if (regions.length === 0) {
    throw new Error(
      `Invalid AWS Secrets Manager configuration at '${AWS_SECRETS_MANAGER_CONFIG_KEY}.regions': name at least one region`,
    );
  }
  return {
    regions,
    endpoint: section.getOptionalString('endpoint'),
    timeoutMs: section.getOptionalNumber('timeoutMs') ?? 5_000,
    concurrency: section.getOptionalNumber('concurrency') ?? 4,
  };
}
