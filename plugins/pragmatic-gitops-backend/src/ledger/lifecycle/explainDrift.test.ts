import { ResourceDrift } from '../../engine';
import { explainDrift, ExplainingHotfix } from './explainDrift';

function drifted(
  kind: string,
  name: string,
  paths: string[],
  namespace: string | undefined = 'payments',
): ResourceDrift {
  return {
    apiVersion: kind === 'ConfigMap' ? 'v1' : 'apps/v1',
    kind,
    name,
    ...(namespace ? { namespace } : {}),
    status: 'drifted',
    differences: paths.map(path => ({ path, desired: 1, live: 2 })),
    ignored: [],
  };
}

function resource(
  kind: string,
  name: string,
  status: ResourceDrift['status'],
): ResourceDrift {
  return {
    apiVersion: 'v1',
    kind,
    name,
    namespace: 'payments',
    status,
    differences: [],
    ignored: [],
  };
}

const hf = (
  id: string,
  changes: ExplainingHotfix['changes'],
  status?: string,
): ExplainingHotfix => ({ id, changes, ...(status ? { status } : {}) });

/** `Kind/name path → HF` lines, and resource-level explanations. */
function summary(result: ReturnType<typeof explainDrift>) {
  return result.resources.flatMap(r => [
    ...(r.explainedBy ? [`${r.kind}/${r.name} → ${r.explainedBy}`] : []),
    ...r.differences.map(
      d => `${r.kind}/${r.name} ${d.path} → ${d.explainedBy ?? '-'}`,
    ),
  ]);
}

describe('explainDrift', () => {
  it.each([
    {
      title: 'path prefix covers the field and below',
      resources: [
        drifted('Deployment', 'payments', [
          '/spec/replicas',
          '/spec/template/spec/containers/0/resources/limits/memory',
          '/spec/template/spec/containers/0/image',
        ]),
      ],
      hotfixes: [
        hf('HF-1', [
          {
            kind: 'Deployment',
            name: 'payments',
            paths: [
              '/spec/replicas',
              '/spec/template/spec/containers/0/resources',
            ],
          },
        ]),
      ],
      lines: [
        'Deployment/payments /spec/replicas → HF-1',
        'Deployment/payments /spec/template/spec/containers/0/resources/limits/memory → HF-1',
        'Deployment/payments /spec/template/spec/containers/0/image → -',
      ],
      allExplained: false,
    },
    {
      title:
        'a path is not a string prefix: /spec/replica does not cover /spec/replicas',
      resources: [drifted('Deployment', 'payments', ['/spec/replicas'])],
      hotfixes: [
        hf('HF-1', [
          { kind: 'Deployment', name: 'payments', paths: ['/spec/replica'] },
        ]),
      ],
      lines: ['Deployment/payments /spec/replicas → -'],
      allExplained: false,
    },
    {
      title: 'a deeper path does not cover the field above it',
      resources: [drifted('Deployment', 'payments', ['/spec/template'])],
      hotfixes: [
        hf('HF-1', [
          {
            kind: 'Deployment',
            name: 'payments',
            paths: ['/spec/template/spec'],
          },
        ]),
      ],
      lines: ['Deployment/payments /spec/template → -'],
      allExplained: false,
    },
    {
      title: 'list entries only live has (/-) lie under the list',
      resources: [
        drifted('Deployment', 'payments', [
          '/spec/template/spec/containers/0/env/-',
        ]),
      ],
      hotfixes: [
        hf('HF-1', [
          {
            kind: 'Deployment',
            name: 'payments',
            paths: ['/spec/template/spec/containers/0/env'],
          },
        ]),
      ],
      lines: [
        'Deployment/payments /spec/template/spec/containers/0/env/- → HF-1',
      ],
      allExplained: true,
    },
    {
      title: 'a change without paths covers the whole resource',
      resources: [
        drifted('Deployment', 'payments', [
          '/spec/replicas',
          '/metadata/labels/x',
        ]),
      ],
      hotfixes: [hf('HF-2', [{ kind: 'Deployment', name: 'payments' }])],
      lines: [
        'Deployment/payments /spec/replicas → HF-2',
        'Deployment/payments /metadata/labels/x → HF-2',
      ],
      allExplained: true,
    },
    {
      title:
        'namespace scoping: a change naming another namespace covers nothing',
      resources: [drifted('ConfigMap', 'flags', ['/data/on'])],
      hotfixes: [
        hf('HF-3', [
          { kind: 'ConfigMap', namespace: 'staging', name: 'flags' },
        ]),
      ],
      lines: ['ConfigMap/flags /data/on → -'],
      allExplained: false,
    },
    {
      title: 'namespace scoping: a change naming the namespace covers it',
      resources: [drifted('ConfigMap', 'flags', ['/data/on'])],
      hotfixes: [
        hf('HF-3', [
          { kind: 'ConfigMap', namespace: 'payments', name: 'flags' },
        ]),
      ],
      lines: ['ConfigMap/flags /data/on → HF-3'],
      allExplained: true,
    },
    {
      title: 'kind and name must both match',
      resources: [drifted('ConfigMap', 'flags', ['/data/on'])],
      hotfixes: [
        hf('HF-4', [
          { kind: 'Secret', name: 'flags' },
          { kind: 'ConfigMap', name: 'other' },
        ]),
      ],
      lines: ['ConfigMap/flags /data/on → -'],
      allExplained: false,
    },
    {
      title: 'several hotfixes explain different fields',
      resources: [
        drifted('Deployment', 'payments', ['/spec/replicas', '/spec/paused']),
      ],
      hotfixes: [
        hf('HF-5', [
          { kind: 'Deployment', name: 'payments', paths: ['/spec/replicas'] },
        ]),
        hf('HF-6', [
          { kind: 'Deployment', name: 'payments', paths: ['/spec/paused'] },
        ]),
      ],
      lines: [
        'Deployment/payments /spec/replicas → HF-5',
        'Deployment/payments /spec/paused → HF-6',
      ],
      allExplained: true,
    },
    {
      title:
        'extra and missing resources: only whole-resource changes explain them',
      resources: [
        resource('ConfigMap', 'created-by-hand', 'extra'),
        resource('Service', 'deleted-by-hand', 'missing'),
      ],
      hotfixes: [
        hf('HF-7', [
          { kind: 'ConfigMap', name: 'created-by-hand' },
          { kind: 'Service', name: 'deleted-by-hand', paths: ['/spec'] },
        ]),
      ],
      lines: ['ConfigMap/created-by-hand → HF-7'],
      allExplained: false,
    },
    {
      title: 'extra and missing both explained',
      resources: [
        resource('ConfigMap', 'created-by-hand', 'extra'),
        resource('Service', 'deleted-by-hand', 'missing'),
        resource('Service', 'untouched', 'in-sync'),
      ],
      hotfixes: [
        hf('HF-7', [
          { kind: 'ConfigMap', name: 'created-by-hand' },
          { kind: 'Service', name: 'deleted-by-hand', paths: [] },
        ]),
      ],
      lines: [
        'ConfigMap/created-by-hand → HF-7',
        'Service/deleted-by-hand → HF-7',
      ],
      allExplained: true,
    },
    {
      title: 'nothing counting: not all explained',
      resources: [resource('Service', 'untouched', 'in-sync')],
      hotfixes: [hf('HF-8', [{ kind: 'Service', name: 'untouched' }])],
      lines: [],
      allExplained: false,
    },
    {
      title: 'closed hotfixes explain nothing',
      resources: [drifted('Deployment', 'payments', ['/spec/replicas'])],
      hotfixes: [
        hf('HF-9', [{ kind: 'Deployment', name: 'payments' }], 'backported'),
      ],
      lines: ['Deployment/payments /spec/replicas → -'],
      allExplained: false,
    },
    {
      title: 'Terraform resource_drift by type and address',
      resources: [
        {
          apiVersion: 'terraform',
          kind: 'aws_db_instance',
          name: 'aws_db_instance.main',
          status: 'drifted',
          differences: [{ path: '/instance_class' }],
          ignored: [],
        } as ResourceDrift,
      ],
      hotfixes: [
        hf('HF-10', [
          {
            kind: 'aws_db_instance',
            name: 'aws_db_instance.main',
            paths: ['/instance_class'],
          },
        ]),
      ],
      lines: ['aws_db_instance/aws_db_instance.main /instance_class → HF-10'],
      allExplained: true,
    },
  ])('$title', ({ resources, hotfixes, lines, allExplained }) => {
    const result = explainDrift(resources, hotfixes);
    expect(summary(result)).toEqual(lines);
    expect(result.allExplained).toBe(allExplained);
  });

  it('returns copies and leaves the engine result untouched', () => {
    const resources = [drifted('Deployment', 'payments', ['/spec/replicas'])];
    const before = JSON.parse(JSON.stringify(resources));
    const result = explainDrift(resources, [
      hf('HF-1', [{ kind: 'Deployment', name: 'payments' }]),
    ]);
    expect(resources).toEqual(before);
    expect(result.resources[0]).not.toBe(resources[0]);
    expect(result.resources[0].differences[0]).toEqual({
      path: '/spec/replicas',
      desired: 1,
      live: 2,
      explainedBy: 'HF-1',
    });
  });
});
