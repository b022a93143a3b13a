/**
 * What the GitHub and GitLab back-port commit finders share: which hosts
 * they may call, their limits, and how an SCM's HTTP status reads to a
 * person.
 */
import { Config } from '@backstage/config';

export const DEFAULT_SCM_TIMEOUT_MS = 10_000;
export const DEFAULT_SCM_MAX_PAGES = 3;
export const SCM_PER_PAGE = 100;

/** Hosts listed under `integrations.<type>`: the only ones a finder calls. */
export function configuredScmHosts(
  config: Config,
  type: 'github' | 'gitlab',
  defaultHost?: string,
): Set<string> {
  return new Set(
    (config.getOptionalConfigArray(`integrations.${type}`) ?? []).map(entry =>
      (
        entry.getOptionalString('host') ??
        defaultHost ??
        entry.getString('host')
      ).toLowerCase(),
    ),
  );
}

/** A failed request's status as a reason naming what was asked for. */
export function describeScmStatus(
  scm: 'GitHub' | 'GitLab',
  status: number,
  what: string,
  rateLimited = false,
): string {
  if (status === 401) {
    return `${scm} rejected the credentials (401) for ${what}`;
  }
  if (status === 403 || status === 429) {
    return rateLimited
      ? `${scm} rate limit exceeded (${status}) for ${what}`
      : `${scm} refused access (${status}) to ${what}`;
  }
  if (status === 404) {
    return `${what} not found on ${scm} (404), or the integration's credentials cannot read it`;
  }
  if (status >= 300 && status < 400) {
    return `${scm} answered a redirect (${status}) for ${what}: the repository may have moved, update the source location`;
  }
  return `${scm} answered ${status} for ${what}`;
}
