import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';

/** Groups of a small catalog, for the owner picker. */
export const GROUPS: Entity[] = ['team-payments', 'team-data', 'team-edge'].map(
  name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title: `Team ${name.slice(5)}` },
    spec: { type: 'team', children: [] },
  }),
);

/** `[catalogApiRef, a catalog answering GROUPS]` for `TestApiProvider`. */
export function catalogWithGroups() {
  const catalog = { getEntities: jest.fn(async () => ({ items: GROUPS })) };
  return [catalogApiRef, catalog] as const;
}
