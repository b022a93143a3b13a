import { Entity } from '@backstage/catalog-model';

/** Catalog entities the ledger tests record hotfixes against. */
export function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-shop' }],
  };
}

export const ledgerEntities = [component('web'), component('payments-db')];

/** A valid POST /hotfixes body. */
export function newHotfix(overrides: Record<string, unknown> = {}) {
  return {
    entityRef: 'component:default/web',
    title: 'Raise web replicas during the checkout incident',
    incidentUrl: 'https://incidents.example.com/INC-1234',
    changes: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        paths: ['/spec/replicas'],
      },
    ],
    ...overrides,
  };
}

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
}

/** Every row of both ledger tables, oldest first, to prove rows never change. */
export async function ledgerRows(knex: import('knex').Knex) {
  return {
    hotfixes: await knex('hotfixes').orderBy('id'),
    events: await knex('hotfix_events').orderBy('id'),
  };
}
