import { OverviewItem } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { http, HttpResponse } from 'msw';

/** One request the stand-in served. */
export type OverviewRequest = {
  offset: number;
  limit: number;
  authorization: string;
};

/** What `mockServices.discovery()` resolves the plugin backend to. */
export const OVERVIEW_URL = 'http://localhost:0/api/pragmatic-gitops/overview';

/** A small fleet as the pragmatic-gitops backend's overview lists it. */
export const fleet: OverviewItem[] = [
  {
    entityRef: 'component:default/payments',
    title: 'Payments',
    owner: 'group:default/team-payments',
    track: 'declarative',
    status: 'drifted',
    reason: '1 resource differs from Git',
    since: '2026-11-30T08:00:00.000Z',
  },
  {
    entityRef: 'component:default/payments-ledger',
    owner: 'group:default/team-payments',
    track: 'operator',
    status: 'in-sync',
    since: '2026-11-29T08:00:00.000Z',
  },
  {
    entityRef: 'component:default/checkout',
    owner: 'group:default/team-shop',
    track: 'declarative',
    status: 'drifted',
    reason: '2 resources differ from Git',
    since: '2026-11-30T09:00:00.000Z',
  },
  {
    entityRef: 'component:default/search',
    owner: 'group:default/team-shop',
    track: 'imperative',
    status: 'explained',
    reason: 'hotfix HF-7 explains the drift',
    since: '2026-11-30T10:00:00.000Z',
  },
  {
    entityRef: 'component:default/legacy-billing',
    owner: 'group:default/team-payments',
    track: null,
    status: 'not-tracked',
    since: '2026-11-30T10:00:00.000Z',
  },
];

/**
 * `GET /overview` over `items`, honouring `offset` and `limit` as the real
 * endpoint does; `requests` records each call's query and Authorization.
 */
export function overviewHandler(
  items: OverviewItem[],
  requests: OverviewRequest[] = [],
) {
  return http.get(OVERVIEW_URL, ({ request }) => {
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    requests.push({
      offset,
      limit,
      authorization: request.headers.get('authorization') ?? '',
    });
    return HttpResponse.json({
      totals: { byTrack: {}, byStatus: {} },
      items: items.slice(offset, offset + limit),
      totalItems: items.length,
    });
  });
}
