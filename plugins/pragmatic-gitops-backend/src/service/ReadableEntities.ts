import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityKey } from '../database/EntityStatusStore';
import { PrincipalCache } from './PrincipalCache';

const PAGE = 1000;
const FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
/** A conditional answer holds a ref per readable entity: keep few of them. */
const MAX_PRINCIPALS = 256;

/**
 * Which entities a caller may read, as the catalog decides it, for answers
 * built from stored summaries (the overview). The policy is asked once:
 * "allow" needs no list at all (the fast path, same queries as before),
 * "deny" is the empty set, and a conditional decision is resolved by the
 * catalog itself, which applies the conditions in its own queries while we
 * page through the refs it returns. A principal's answer may be reused
 * briefly, by that principal only: a permission change shows within the TTL.
 */
export class ReadableEntities {
  private readonly recent: PrincipalCache<ReadonlySet<string> | undefined>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
    /**
     * How long one principal's answer is reused by that principal alone
     * (`pragmaticGitops.catalogReadCache.ttl`); default 0, never.
     */
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.recent = new PrincipalCache({
      ttlMs: options.ttlMs ?? 0,
      now: options.now,
      maxEntries: MAX_PRINCIPALS,
    });
  }

  /** Lower-cased refs the caller may read, or `undefined` for all of them. */
  keysFor(
    credentials: BackstageCredentials,
  ): Promise<ReadonlySet<string> | undefined> {
    return this.recent.get(credentials, 'readable', () =>
      this.decide(credentials),
    );
  }

  private async decide(
    credentials: BackstageCredentials,
  ): Promise<ReadonlySet<string> | undefined> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return undefined;
    }
    const keys = new Set<string>();
    if (decision.result === AuthorizeResult.DENY) {
      return keys;
    }
    let cursor: string | undefined;
    do {
      const page = await this.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE, fields: FIELDS }
          : { limit: PAGE, fields: FIELDS },
        { credentials },
      );
      for (const entity of page.items) {
        keys.add(entityKey(stringifyEntityRef(entity)));
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return keys;
  }
}
