import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityKey } from '../database/EntityStatusStore';

const CHUNK = 500;

/**
 * Who may see and change the hotfixes of an entity: the catalog, asked with
 * the caller's own credentials, decides who sees an entity (and so its
 * hotfixes); the pragmatic-gitops.hotfix.* permissions decide who writes.
 */
export class EntityAccess {
  constructor(
    private readonly catalog: CatalogService,
    private readonly permissions: PermissionsService,
  ) {}

  /** The entity, or a 404 that does not tell "missing" from "not yours". */
  async readable(
    entityRef: string,
    credentials: BackstageCredentials,
    notFoundMessage = `No entity ${entityRef} in the catalog (or you may not read it)`,
  ): Promise<Entity> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(notFoundMessage);
    }
    return entity;
  }

  async authorize(
    permission: ResourcePermission<'catalog-entity'>,
    entity: Entity,
    credentials: BackstageCredentials,
    action: string,
  ): Promise<void> {
    const resourceRef = stringifyEntityRef(entity);
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${action} on ${resourceRef} (${permission.name})`,
      );
    }
  }

  /** The lower-cased refs among `entityRefs` the caller may read. */
  async readableKeys(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const refs = [...new Set(entityRefs)];
    const readable = new Set<string>();
    for (let i = 0; i < refs.length; i += CHUNK) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: refs.slice(i, i + CHUNK),
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      for (const entity of items) {
        if (entity) readable.add(entityKey(stringifyEntityRef(entity)));
      }
    }
    return readable;
  }
}
