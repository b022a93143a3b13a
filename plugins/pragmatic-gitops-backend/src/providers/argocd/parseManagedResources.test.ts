import {
  ArgoCdResponseShapeError,
  parseApplication,
  parseManagedResources,
} from './parseManagedResources';

const deployment = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'payments' },
  spec: { replicas },
});

describe('parseApplication', () => {
  it('reads sync, health, revision, operation and resources', () => {
    expect(
      parseApplication({
        metadata: { name: 'payments' },
        status: {
          sync: { status: 'OutOfSync', revision: 'abc123' },
          health: { status: 'Degraded' },
          operationState: { phase: 'Running' },
          resources: [
            {
              group: 'apps',
              version: 'v1',
              kind: 'Deployment',
              namespace: 'payments',
              name: 'api',
              status: 'OutOfSync',
              health: { status: 'Healthy' },
            },
          ],
        },
      }),
    ).toEqual({
      sync: 'OutOfSync',
      revision: 'abc123',
      health: 'Degraded',
      operation: 'Running',
      resources: [
        {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          namespace: 'payments',
          name: 'api',
          status: 'OutOfSync',
          health: 'Healthy',
        },
      ],
    });
  });

  it('accepts an application without status and multi-source revisions', () => {
    expect(parseApplication({ metadata: { name: 'x' } })).toEqual({
      resources: [],
    });
    expect(
      parseApplication({ status: { sync: { revisions: ['a1', 'b2'] } } })
        .revision,
    ).toBe('a1, b2');
  });

  it.each([
    ['a list', []],
    ['a string', 'ok'],
    ['null', null],
    ['status as a string', { status: 'Synced' }],
    ['a numeric sync status', { status: { sync: { status: 42 } } }],
    ['resources as an object', { status: { resources: { a: 1 } } }],
    ['a resource without name', { status: { resources: [{ kind: 'Pod' }] } }],
  ])('rejects %s', (_, body) => {
    expect(() => parseApplication(body)).toThrow(ArgoCdResponseShapeError);
  });
});

describe('parseManagedResources', () => {
  it('prefers liveState, falls back to normalizedLiveState and skips missing sides', () => {
    const result = parseManagedResources({
      items: [
        {
          group: 'apps',
          kind: 'Deployment',
          namespace: 'payments',
          name: 'api',
          targetState: JSON.stringify(deployment(2)),
          liveState: JSON.stringify(deployment(3)),
          normalizedLiveState: JSON.stringify(deployment(99)),
        },
        {
          kind: 'ConfigMap',
          namespace: 'payments',
          name: 'missing-live',
          targetState: JSON.stringify({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'missing-live' },
          }),
          liveState: 'null',
        },
        {
          kind: 'ConfigMap',
          name: 'extra',
          liveState: JSON.stringify({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'extra' },
          }),
          targetState: null,
        },
        {
          kind: 'Service',
          name: 'normalized-only',
          normalizedLiveState: JSON.stringify({
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'normalized-only' },
          }),
        },
      ],
    });
    expect(result.objects.map(o => o.metadata.name)).toEqual([
      'api',
      'extra',
      'normalized-only',
    ]);
    expect(result.objects[0].spec).toEqual({ replicas: 3 });
    expect(result.desiredObjects.map(o => o.metadata.name)).toEqual([
      'api',
      'missing-live',
    ]);
    expect(result.desiredObjects[0].spec).toEqual({ replicas: 2 });
  });

  it('treats an absent items list as no resources', () => {
    expect(parseManagedResources({})).toEqual({
      objects: [],
      desiredObjects: [],
    });
  });

  it('rejects unparseable states without quoting them', () => {
    const secret = 'c3VwZXItc2VjcmV0LXZhbHVl';
    let error: Error | undefined;
    try {
      parseManagedResources({
        items: [
          {
            kind: 'Secret',
            namespace: 'payments',
            name: 'db',
            targetState: `{"data":{"password":"${secret}"`,
          },
        ],
      });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(ArgoCdResponseShapeError);
    expect(error!.message).toBe(
      'managed-resources item 0 (Secret payments/db) has a targetState that is not valid JSON',
    );
    expect(error!.message).not.toContain(secret);
  });

  it.each([
    ['a list body', []],
    ['items as a string', { items: 'x' }],
    ['an item that is a number', { items: [1] }],
    [
      'a liveState that is not a Kubernetes object',
      { items: [{ liveState: '[1,2]' }] },
    ],
    [
      'a targetState without metadata.name',
      {
        items: [
          { targetState: '{"apiVersion":"v1","kind":"X","metadata":{}}' },
        ],
      },
    ],
  ])('rejects %s', (_, body) => {
    expect(() => parseManagedResources(body)).toThrow(ArgoCdResponseShapeError);
  });
});
