import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who the catalog answers for: the whole principal (type, user entity ref or
 * service subject, actor, access restrictions). Callers with equal keys get
 * the same catalog answers; callers with different keys never share one.
 */
export function principalKey(credentials: BackstageCredentials): string {
  return JSON.stringify(credentials.principal);
}
