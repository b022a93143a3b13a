import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResponseError } from '@backstage/errors';
import {
  EntityGitopsDetails,
  HotfixList,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DateTime } from 'luxon';
import pLimit from 'p-limit';

const PAGE = 500;
const HOUR_MS = 60 * 60 * 1000;

const ENTITY_FILTER = { kind: ['component', 'resource', 'system'] };

/**
 * Facts per catalog entity from the pragmatic-gitops backend's REST API, read
 * with the tech-insights plugin's own service credentials: each entity's
 * status (track, drift, findings) and the overdue hotfixes. Entities without
 * a track get facts too (`hasTrack: false`), so checks can ask for one.
 *
 * @public
 */
export function createPragmaticGitopsFactRetriever(options: {
  catalog: CatalogService;
}): FactRetriever {
  return {
    id: 'pragmaticGitopsFactRetriever',
    version: '0.1.0',
    title: 'Pragmatic GitOps',
    description:
      'Deployment track, drift, overdue hotfix back-ports and secrets committed to Git, per entity',
    entityFilter: [ENTITY_FILTER],
    schema: {
      hasTrack: {
        type: 'boolean',
        description:
          'The entity has a valid pragmatic-gitops.io/track annotation',
      },
      driftStatus: {
        type: 'string',
        description:
          'in-sync, drifted, explained, pending, unknown or not-tracked',
      },
      unexplainedDriftHours: {
        type: 'float',
        description:
          'Hours the entity has been drifted with drift no open hotfix explains; 0 when not drifted',
      },
      overdueBackports: {
        type: 'integer',
        description: 'Hotfixes still pending a back-port to Git after the SLA',
      },
      plaintextSecretsInGit: {
        type: 'integer',
        description: 'Plaintext Secret objects committed to Git',
      },
      statefulInDeclarative: {
        type: 'boolean',
        description:
          'Stateful resources (StatefulSets, volumes, database operators) in a declarative track',
      },
    },
    async handler({ discovery, auth }) {
      const baseUrl = await discovery.getBaseUrl('pragmatic-gitops');
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'pragmatic-gitops',
      });
      const get = async <T>(path: string): Promise<T> => {
        const response = await fetch(`${baseUrl}${path}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (!response.ok) {
          throw await ResponseError.fromResponse(response);
        }
        return (await response.json()) as T;
      };

      const { items: entities } = await options.catalog.getEntities(
        {
          filter: ENTITY_FILTER,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );

      const overdue = new Map<string, number>();
      const hotfixes = await get<HotfixList>(
        `/hotfixes?overdue=true&limit=${PAGE}`,
      );
      for (const hotfix of hotfixes.items) {
        const key = hotfix.entityRef.toLocaleLowerCase('en-US');
        overdue.set(key, (overdue.get(key) ?? 0) + 1);
      }

      const now = Date.now();
      const limit = pLimit(4);
      return Promise.all(
        entities.map(entity =>
          limit(async () => {
            const kind = entity.kind.toLocaleLowerCase('en-US');
            const namespace = entity.metadata.namespace ?? 'default';
            const name = entity.metadata.name;
            const entityRef = stringifyEntityRef(entity);
            const status = await get<EntityGitopsDetails>(
              `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
                namespace,
              )}/${encodeURIComponent(name)}`,
            );
            const codes = status.findings.map(finding => finding.code);
            const since = status.drift.since;
            return {
              entity: { kind, namespace, name },
              facts: {
                hasTrack: status.track !== null,
                driftStatus: status.drift.status,
                unexplainedDriftHours:
                  status.drift.status === 'drifted' && since
                    ? Math.round(((now - Date.parse(since)) / HOUR_MS) * 10) /
                      10
                    : 0,
                overdueBackports:
                  overdue.get(entityRef.toLocaleLowerCase('en-US')) ?? 0,
                plaintextSecretsInGit: codes.filter(
                  code => code === 'plaintext-secret-in-git',
                ).length,
                statefulInDeclarative: codes.includes(
                  'stateful-in-declarative',
                ),
              },
              timestamp: DateTime.fromMillis(now),
            };
          }),
        ),
      );
    },
  };
}
