/**
 * Checks `aws-secrets-manager` references (annotation `aws-sm:<name or
 * ARN>`, External Secrets and CSI stores) against the secret's metadata:
 * DescribeSecret only — exists, last changed, version ids — never
 * GetSecretValue. Credentials come from Backstage's AWS integration config
 * (`aws.mainAccount`, `aws.accounts`) or the default chain; only the
 * regions listed in config are called.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import {
  DescribeSecretCommand,
  DescribeSecretCommandOutput,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  SecretRef,
  SecretRefResolution,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { SecretResolver } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import pLimit from 'p-limit';
import { DeadlineExceeded, withDeadline } from '../deadline';
import {
  AWS_SECRETS_MANAGER_CONFIG_KEY,
  AwsSecretsManagerConfig,
  readAwsSecretsManagerConfig,
} from './readAwsSecretsManagerConfig';

const STORE_KIND = 'aws-secrets-manager';
const ARN = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):(\d{12}):secret:.+$/;

type Lookup = { region: string; accountId?: string; secretId: string };
/** What DescribeSecret said, with every version id for pinned references. */
type Described = { resolution: SecretRefResolution; versionIds: string[] };

export class AwsSecretsManagerResolver implements SecretResolver {
  readonly name = 'aws-secrets-manager';

  static fromConfig(
    config: Config,
    options: { logger?: LoggerService } = {},
  ): AwsSecretsManagerResolver {
    return new AwsSecretsManagerResolver({
      settings: readAwsSecretsManagerConfig(config),
      credentials: DefaultAwsCredentialsManager.fromConfig(config),
      logger: options.logger,
    });
  }

  private readonly clients = new Map<string, Promise<SecretsManagerClient>>();
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    private readonly options: {
      settings?: AwsSecretsManagerConfig;
      credentials: AwsCredentialsManager;
      logger?: LoggerService;
    },
  ) {
    this.limit = pLimit(options.settings?.concurrency ?? 4);
  }

  async resolveAll<T extends SecretRef>(refs: T[]): Promise<T[]> {
    const lookups = new Map<string, Promise<Described>>();
    return Promise.all(
      refs.map(async (ref): Promise<T> => {
        if (ref.store.kind !== STORE_KIND) return ref;
        const lookup = this.lookupFor(ref);
        if ('reason' in lookup) {
          return {
            ...ref,
            resolution: { status: 'unchecked', reason: lookup.reason },
          };
        }
        const id = JSON.stringify(lookup);
        let outcome = lookups.get(id);
        if (!outcome) {
          outcome = this.limit(() => this.describe(lookup));
          lookups.set(id, outcome);
        }
        return { ...ref, resolution: pinned(ref, await outcome) };
      }),
    );
  }

  private lookupFor(ref: SecretRef): Lookup | { reason: string } {
    const settings = this.options.settings;
    if (!settings) {
      return {
        reason: `AWS Secrets Manager is not configured (${AWS_SECRETS_MANAGER_CONFIG_KEY}.regions)`,
      };
    }
    const arn = ARN.exec(ref.key);
    if (!arn) {
      return { region: settings.regions[0], secretId: ref.key };
    }
    const [, region, accountId] = arn;
    if (!settings.regions.includes(region)) {
      return {
        reason: `region ${region} is not one of ${AWS_SECRETS_MANAGER_CONFIG_KEY}.regions`,
      };
    }
    return { region, accountId, secretId: ref.key };
  }

  private client(lookup: Lookup): Promise<SecretsManagerClient> {
    const key = `${lookup.region}|${lookup.accountId ?? ''}`;
    let client = this.clients.get(key);
    if (!client) {
      const settings = this.options.settings!;
      client = this.options.credentials
        .getCredentialProvider(
          lookup.accountId ? { accountId: lookup.accountId } : {},
        )
        .then(
          ({ sdkCredentialProvider }) =>
            new SecretsManagerClient({
              region: lookup.region,
              credentials: sdkCredentialProvider,
              ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
              maxAttempts: 2,
              requestHandler: {
                requestTimeout: settings.timeoutMs,
                connectionTimeout: settings.timeoutMs,
              },
            }),
        );
      client.catch(() => this.clients.delete(key));
      this.clients.set(key, client);
    }
    return client;
  }

  private async describe(lookup: Lookup): Promise<Described> {
    let output: DescribeSecretCommandOutput;
    const { timeoutMs } = this.options.settings!;
    const fail = (reason: string) => {
      this.options.logger?.warn(
        `Could not check secret reference ${lookup.secretId}: ${reason}`,
      );
      return described({ status: 'error', reason });
    };
    try {
      const client = await this.client(lookup);
      // The SDK's timeouts are per socket; this bounds the whole call.
      output = await withDeadline(timeoutMs, abortSignal =>
        client.send(new DescribeSecretCommand({ SecretId: lookup.secretId }), {
          abortSignal,
        }),
      );
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'ResourceNotFoundException') {
        return described({
          status: 'missing',
          reason: `not found in AWS Secrets Manager (${lookup.region})`,
        });
      }
      if (name === 'AccessDeniedException') {
        return fail(
          `AWS Secrets Manager (${lookup.region}) denied DescribeSecret: grant secretsmanager:DescribeSecret`,
        );
      }
      return fail(
        error instanceof DeadlineExceeded
          ? `AWS Secrets Manager (${lookup.region}) did not answer within ${timeoutMs} ms`
          : `AWS Secrets Manager (${lookup.region}) could not be asked (${
              name ?? 'error'
            })`,
      );
    }
    if (typeof output.ARN !== 'string' && typeof output.Name !== 'string') {
      // Not a DescribeSecret answer (a proxy's page, another API).
      return fail(
        `AWS Secrets Manager (${lookup.region}) answered DescribeSecret without the secret's ARN or name`,
      );
    }
    if (output.DeletedDate) {
      return described({
        status: 'missing',
        reason: `scheduled for deletion on ${output.DeletedDate.toISOString()}`,
      });
    }
    const current = Object.entries(output.VersionIdsToStages ?? {}).find(
      ([, stages]) => stages?.includes('AWSCURRENT'),
    )?.[0];
    return described(
      {
        status: 'exists',
        ...(current ? { version: current } : {}),
        ...(output.LastChangedDate
          ? { updatedAt: output.LastChangedDate.toISOString() }
          : {}),
      },
      Object.keys(output.VersionIdsToStages ?? {}),
    );
  }
}

function described(
  resolution: SecretRefResolution,
  versionIds: string[] = [],
): Described {
  return { resolution, versionIds };
}

/** A reference that pins a version id the secret does not have is missing. */
function pinned(
  ref: SecretRef,
  { resolution, versionIds }: Described,
): SecretRefResolution {
  if (
    resolution.status === 'exists' &&
    ref.version !== undefined &&
    !versionIds.includes(String(ref.version))
  ) {
    return {
      ...resolution,
      status: 'missing',
      reason: `version ${ref.version} does not exist in AWS Secrets Manager`,
    };
  }
  return resolution;
}
