/** Terraform plans as `terraform show -json` prints them (trimmed to what matters). */
import { TerraformPlan, TerraformResourceChange } from '../types';
import { CANARY } from './kubernetes';

function change(
  address: string,
  type: string,
  actions: string[],
  extra: Partial<TerraformResourceChange['change']> = {},
): TerraformResourceChange {
  return {
    address,
    mode: address.startsWith('data.') ? 'data' : 'managed',
    type,
    name: address.split('.').pop(),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions,
      before: null,
      after: null,
      after_unknown: {},
      before_sensitive: false,
      after_sensitive: false,
      ...extra,
    },
  };
}

export function noOpPlan(): TerraformPlan {
  return {
    format_version: '1.2',
    terraform_version: '1.13.4',
    resource_changes: [
      change('aws_route53_zone.public', 'aws_route53_zone', ['no-op']),
      change('data.aws_caller_identity.current', 'aws_caller_identity', [
        'read',
      ]),
    ],
  };
}

export function updatePlan(): TerraformPlan {
  return {
    format_version: '1.2',
    resource_changes: [
      change('aws_route53_zone.public', 'aws_route53_zone', ['no-op']),
      change('aws_route53_record.www', 'aws_route53_record', ['update'], {
        before: { name: 'www.example.com', ttl: 300 },
        after: { name: 'www.example.com', ttl: 60 },
      }),
    ],
  };
}

export function createDeletePlan(): TerraformPlan {
  return {
    format_version: '1.2',
    resource_changes: [
      change('cloudflare_dns_record.static', 'cloudflare_dns_record', [
        'create',
      ]),
      change('cloudflare_dns_record.legacy', 'cloudflare_dns_record', [
        'delete',
      ]),
      change('aws_db_instance.main', 'aws_db_instance', ['delete', 'create']),
    ],
  };
}

/** A DB password rotated by hand and a tag added in the console: drift outside Terraform. */
export function resourceDriftPlan(): TerraformPlan {
  return {
    format_version: '1.2',
    resource_changes: [
      change('aws_db_instance.main', 'aws_db_instance', ['no-op']),
    ],
    resource_drift: [
      change('aws_db_instance.main', 'aws_db_instance', ['update'], {
        before: {
          identifier: 'payments-main',
          instance_class: 'db.r6g.large',
          password: CANARY.terraform,
          tags: { team: 'payments' },
          connection: { username: 'app', secret: 'old-connection-secret' },
        },
        after: {
          identifier: 'payments-main',
          instance_class: 'db.r6g.xlarge',
          password: `${CANARY.terraform}-rotated`,
          tags: { team: 'payments', 'hotfix-by': 'oncall' },
          connection: { username: 'app', secret: `${CANARY.terraform}-conn` },
        },
        before_sensitive: {
          password: true,
          tags: {},
          connection: { secret: true },
        },
        after_sensitive: { password: true, tags: {}, connection: true },
      }),
    ],
  };
}

/**
 * A plan that rotates a sensitive password, creates a secret version whose
 * value and id are only known after apply, and deletes a resource whose
 * whole state is sensitive; plus a refresh that found only provider-computed
 * attributes changed.
 */
export function sensitivePlan(): TerraformPlan {
  return {
    format_version: '1.2',
    resource_changes: [
      change('aws_db_instance.main', 'aws_db_instance', ['update'], {
        before: {
          instance_class: 'db.r6g.large',
          password: CANARY.terraform,
          parameters: [{ name: 'ssl', value: CANARY.terraform }],
        },
        after: {
          instance_class: 'db.r6g.xlarge',
          password: `${CANARY.terraform}-next`,
          parameters: [{ name: 'ssl', value: `${CANARY.terraform}-next` }],
        },
        before_sensitive: {
          password: true,
          parameters: [{ value: true }],
        },
        after_sensitive: {
          password: true,
          parameters: [{ value: true }],
        },
      }),
      change(
        'aws_secretsmanager_secret_version.api',
        'aws_secretsmanager_secret_version',
        ['create'],
        {
          after: { secret_id: 'payments/api', secret_string: CANARY.terraform },
          after_sensitive: { secret_string: true },
          after_unknown: { id: true, version_id: true },
        },
      ),
      change('tls_private_key.old', 'tls_private_key', ['delete'], {
        before: { algorithm: 'RSA', private_key_pem: CANARY.terraform },
        before_sensitive: true,
      }),
    ],
    resource_drift: [
      change('aws_db_instance.main', 'aws_db_instance', ['update'], {
        before: {
          instance_class: 'db.r6g.large',
          latest_restorable_time: '2026-12-01T10:00:00Z',
        },
        after: {
          instance_class: 'db.r6g.large',
          latest_restorable_time: '2026-12-01T10:05:00Z',
        },
      }),
    ],
  };
}
