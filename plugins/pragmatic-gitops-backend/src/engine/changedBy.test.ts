import { changedByOf } from './changedBy';
import { computeDrift } from './computeDrift';
import { Difference, KubeObject, ManagedFieldsEntry } from './types';

const argocd: ManagedFieldsEntry = {
  manager: 'argocd-controller',
  operation: 'Apply',
  time: '2026-11-30T08:00:00Z',
  fieldsType: 'FieldsV1',
  fieldsV1: {
    'f:spec': {
      'f:template': {
        'f:spec': {
          'f:containers': {
            'k:{"name":"api"}': { '.': {}, 'f:name': {} },
          },
        },
      },
    },
  },
};

const kubectlScale: ManagedFieldsEntry = {
  manager: 'kubectl-scale',
  operation: 'Update',
  time: '2026-12-01T09:12:00Z',
  fieldsType: 'FieldsV1',
  fieldsV1: { 'f:spec': { 'f:replicas': {} } },
};

const kubectlSet: ManagedFieldsEntry = {
  manager: 'kubectl-set',
  operation: 'Update',
  time: '2026-12-01T09:30:00Z',
  fieldsType: 'FieldsV1',
  fieldsV1: {
    'f:spec': {
      'f:template': {
        'f:spec': {
          'f:containers': {
            'k:{"name":"api"}': { 'f:image': {} },
          },
        },
      },
    },
  },
};

const desired = {
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'sidecar', image: 'envoy:1.29' },
          { name: 'api', image: 'api:1.0' },
        ],
      },
    },
  },
};

const imageDifference: Difference = {
  path: '/spec/template/spec/containers/1/image',
  desired: 'api:1.0',
  live: 'api:1.1',
};

type Row = {
  name: string;
  entries: ManagedFieldsEntry[] | undefined;
  difference: Difference;
  expected: ReturnType<typeof changedByOf>;
};

const rows: Row[] = [
  {
    name: 'an owned field',
    entries: [argocd, kubectlScale],
    difference: { path: '/spec/replicas', desired: 3, live: 5 },
    expected: {
      manager: 'kubectl-scale',
      operation: 'Update',
      time: '2026-12-01T09:12:00Z',
    },
  },
  {
    name: 'an owned list entry, found by its key, not its position',
    entries: [argocd, kubectlScale, kubectlSet],
    difference: imageDifference,
    expected: {
      manager: 'kubectl-set',
      operation: 'Update',
      time: '2026-12-01T09:30:00Z',
    },
  },
  {
    name: 'a live entry absent from Git (`-`), matched by its key',
    entries: [
      argocd,
      {
        manager: 'kubectl-edit',
        operation: 'Update',
        fieldsV1: {
          'f:spec': {
            'f:template': {
              'f:spec': {
                'f:containers': { 'k:{"name":"debug"}': { '.': {} } },
              },
            },
          },
        },
      },
    ],
    difference: {
      path: '/spec/template/spec/containers/-',
      live: { name: 'debug', image: 'busybox' },
    },
    expected: { manager: 'kubectl-edit', operation: 'Update' },
  },
  {
    name: 'no managedFields: no attribution',
    entries: undefined,
    difference: { path: '/spec/replicas', desired: 3, live: 5 },
    expected: undefined,
  },
  {
    name: 'managedFields that do not own the field: no attribution',
    entries: [argocd],
    difference: { path: '/spec/replicas', desired: 3, live: 5 },
    expected: undefined,
  },
  {
    name: 'several managers own the field: the latest writer',
    entries: [
      { ...kubectlScale, manager: 'helm', time: '2026-11-01T00:00:00Z' },
      kubectlScale,
      { ...kubectlScale, manager: 'hpa-controller', time: 'yesterday' },
    ],
    difference: { path: '/spec/replicas', desired: 3, live: 5 },
    expected: {
      manager: 'kubectl-scale',
      operation: 'Update',
      time: '2026-12-01T09:12:00Z',
    },
  },
  {
    name: 'a masked secret value: owner reported, its value never read',
    entries: [kubectlSet],
    difference: { ...imageDifference, masked: true },
    expected: {
      manager: 'kubectl-set',
      operation: 'Update',
      time: '2026-12-01T09:30:00Z',
    },
  },
];

describe('changedByOf', () => {
  it.each(rows)('$name', ({ entries, difference, expected }) => {
    expect(changedByOf(entries, difference, desired)).toEqual(expected);
  });
});

describe('computeDrift attribution', () => {
  const object = (spec: unknown, managedFields?: ManagedFieldsEntry[]) =>
    ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'api',
        namespace: 'payments',
        ...(managedFields ? { managedFields } : {}),
      },
      spec,
    } as KubeObject);

  it('each difference of a live object says who changed it, when the object records it', () => {
    const live = {
      ...desired.spec,
      replicas: 5,
      template: {
        spec: {
          containers: [
            { name: 'api', image: 'api:1.1' },
            { name: 'sidecar', image: 'envoy:1.30' },
          ],
        },
      },
    };
    const result = computeDrift({
      track: 'declarative',
      desired: [object(desired.spec)],
      live: {
        objects: [object(live, [argocd, kubectlScale, kubectlSet])],
      },
      ignoreRules: [],
      gitopsFieldManagers: ['argocd-controller'],
    });
    expect(result.resources[0].differences).toEqual([
      {
        path: '/spec/replicas',
        desired: 3,
        live: 5,
        changedBy: {
          manager: 'kubectl-scale',
          operation: 'Update',
          time: '2026-12-01T09:12:00Z',
        },
      },
      // Nobody's entry owns the sidecar's image: no attribution invented.
      {
        path: '/spec/template/spec/containers/0/image',
        desired: 'envoy:1.29',
        live: 'envoy:1.30',
      },
      {
        path: '/spec/template/spec/containers/1/image',
        desired: 'api:1.0',
        live: 'api:1.1',
        changedBy: {
          manager: 'kubectl-set',
          operation: 'Update',
          time: '2026-12-01T09:30:00Z',
        },
      },
    ]);
  });
});
