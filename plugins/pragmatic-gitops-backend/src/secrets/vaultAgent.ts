import { KubeObject } from '../engine/types';
import { podTemplates, str } from './podTemplates';
import { SecretRef } from './types';

const INJECT_SECRET = 'vault.hashicorp.com/agent-inject-secret-';

/**
 * Vault Agent injector annotations on pod templates:
 * `vault.hashicorp.com/agent-inject-secret-<file>: <path>`. Templates
 * (`agent-inject-template-*`) are not read.
 */
export function vaultAgentRefs(desired: KubeObject[]): SecretRef[] {
  return podTemplates(desired).flatMap(template =>
    Object.entries(template.annotations).flatMap(([name, value]) => {
      const key = str(value);
      if (!name.startsWith(INJECT_SECRET) || !key) return [];
      return [
        {
          store: { kind: 'vault' },
          key,
          via: 'vault-agent' as const,
          usedBy: [{ ...template.workload }],
          resolution: { status: 'unchecked' as const },
        },
      ];
    }),
  );
}
