import { SecretRef } from '../../../secrets/types';

export const PROD = 'https://vault.prod.example.com:8200';
export const EU = 'https://eu.example.com/vault';
export const PROD_TOKEN = 'hvs.prod-token-7c1d2e';
export const EU_TOKEN = 'hvs.eu-token-03fa9b';

/** A realistic KV v2 metadata response (`GET /v1/{mount}/metadata/{path}`). */
export function metadataBody(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    request_id: '8a1f0c5e-2b7d-4a3e-9c61-0d2f3e4a5b6c',
    lease_id: '',
    renewable: false,
    lease_duration: 0,
    data: {
      cas_required: false,
      created_time: '2024-01-10T09:00:00.000000000Z',
      current_version: 3,
      custom_metadata: { owner: 'team-payments' },
      delete_version_after: '0s',
      max_versions: 0,
      oldest_version: 1,
      updated_time: '2024-05-02T14:30:12.123456789Z',
      versions: {
        '1': {
          created_time: '2024-01-10T09:00:00Z',
          deletion_time: '',
          destroyed: true,
        },
        '2': {
          created_time: '2024-03-01T10:00:00Z',
          deletion_time: '2024-04-01T10:00:00Z',
          destroyed: false,
        },
        '3': {
          created_time: '2024-05-02T14:30:12Z',
          deletion_time: '',
          destroyed: false,
        },
      },
      ...overrides,
    },
    wrap_info: null,
    warnings: null,
    auth: null,
  };
}

export function vaultRef(
  key: string,
  extra: Partial<SecretRef> = {},
): SecretRef {
  return {
    store: { kind: 'vault' },
    key,
    via: 'external-secret',
    usedBy: [{ kind: 'Deployment', name: 'api', container: 'api' }],
    resolution: { status: 'unchecked' },
    ...extra,
  };
}

export type InstanceInput = {
  name: string;
  baseUrl: string;
  token: string;
  kvMounts?: string[];
  timeoutMs?: number;
  namespace?: string;
};
