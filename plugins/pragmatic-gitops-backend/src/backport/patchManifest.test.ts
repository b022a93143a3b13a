import { FieldWrite, ManifestObjectRef, patchManifest } from './patchManifest';

const deploymentFile = `# payments API: the deployment Argo CD syncs
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments-api # the public API
  namespace: payments
  labels: {app: payments-api, tier: "web"}
spec:
  replicas: 3  # pinned for the launch
  selector:
    matchLabels:
      app: payments-api
  template:
    spec:
      containers:
      - name: sidecar
        image: envoy:1.29
      - name: api
        image: "ghcr.io/acme/payments-api:1.4.2"
        args: [--port, "8080"]
        env:
          - name: LOG_LEVEL
            value: 'info'
        resources:
          limits:
            memory: 256Mi
`;

const multiDocumentFile = `apiVersion: v1
kind: ConfigMap
metadata:
  name: payments-config
data:
  MODE: live
---
# the second document holds the Service
apiVersion: v1
kind: Service
metadata:
  name: payments-api
spec:
  ports:
    - name: http
      port: 80 # public
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: payments-flags
data:
  config.yaml: |
    retries: 3
    timeout: 5s
`;

const deployment: ManifestObjectRef = {
  kind: 'Deployment',
  namespace: 'payments',
  name: 'payments-api',
};

type Row = {
  name: string;
  text: string;
  object: ManifestObjectRef;
  writes: FieldWrite[];
  defaultNamespace?: string;
  expected: string;
};

/** `text` with each `[from, to]` replaced once, in order: the expected file. */
function edited(text: string, ...edits: Array<[string, string]>): string {
  let result = text;
  for (const [from, to] of edits) {
    expect(result).toContain(from);
    result = result.replace(from, to);
  }
  return result;
}

const rows: Row[] = [
  {
    name: 'a plain scalar keeps its trailing comment',
    text: deploymentFile,
    object: deployment,
    writes: [{ path: '/spec/replicas', value: 5 }],
    expected: edited(deploymentFile, [
      'replicas: 3  # pinned',
      'replicas: 5  # pinned',
    ]),
  },
  {
    name: 'a double-quoted string stays double-quoted',
    text: deploymentFile,
    object: deployment,
    writes: [
      {
        path: '/spec/template/spec/containers/1/image',
        value: 'ghcr.io/acme/payments-api:1.4.3',
      },
    ],
    expected: edited(deploymentFile, [
      '"ghcr.io/acme/payments-api:1.4.2"',
      '"ghcr.io/acme/payments-api:1.4.3"',
    ]),
  },
  {
    name: 'a single-quoted string stays single-quoted',
    text: deploymentFile,
    object: deployment,
    writes: [
      {
        path: '/spec/template/spec/containers/1/env/0/value',
        value: 'debug',
      },
    ],
    expected: edited(deploymentFile, ["value: 'info'", "value: 'debug'"]),
  },
  {
    name: 'a plain string that would read as a number gets quotes',
    text: deploymentFile,
    object: deployment,
    writes: [
      {
        path: '/spec/template/spec/containers/1/resources/limits/memory',
        value: '512',
      },
    ],
    expected: edited(deploymentFile, ['memory: 256Mi', 'memory: "512"']),
  },
  {
    name: 'flow map and flow list entries are edited inside the flow',
    text: deploymentFile,
    object: deployment,
    writes: [
      { path: '/metadata/labels/tier', value: 'edge' },
      { path: '/spec/template/spec/containers/1/args/1', value: '9090' },
      { path: '/metadata/labels/hotfix', value: 'HF-7' },
    ],
    expected: edited(
      deploymentFile,
      [
        'labels: {app: payments-api, tier: "web"}',
        'labels: {app: payments-api, tier: "edge", hotfix: HF-7}',
      ],
      ['args: [--port, "8080"]', 'args: [--port, "9090"]'],
    ),
  },
  {
    name: 'a live list entry absent from Git is appended in block style',
    text: deploymentFile,
    object: deployment,
    writes: [
      {
        path: '/spec/template/spec/containers/1/env/-',
        value: { name: 'FEATURE_X', value: 'on' },
      },
    ],
    expected: edited(deploymentFile, [
      "            value: 'info'\n",
      "            value: 'info'\n          - name: FEATURE_X\n            value: on\n",
    ]),
  },
  {
    name: 'an appended entry that Git has by name replaces that entry',
    text: deploymentFile,
    object: deployment,
    writes: [
      {
        path: '/spec/template/spec/containers/1/env/-',
        value: { name: 'LOG_LEVEL', value: 'warn' },
      },
    ],
    expected: edited(deploymentFile, [
      "name: LOG_LEVEL\n            value: 'info'",
      'name: LOG_LEVEL\n            value: warn',
    ]),
  },
  {
    name: 'a new key of a block map goes after its last key, same indent',
    text: deploymentFile,
    object: deployment,
    writes: [
      {
        path: '/spec/template/spec/containers/1/resources/limits/cpu',
        value: '500m',
      },
    ],
    expected: edited(deploymentFile, [
      'memory: 256Mi\n',
      'memory: 256Mi\n            cpu: 500m\n',
    ]),
  },
  {
    name: 'a block map replaced by a map stays in block style',
    text: deploymentFile,
    object: deployment,
    writes: [
      {
        path: '/spec/template/spec/containers/1/resources/limits',
        value: { memory: '1Gi', cpu: '1' },
      },
    ],
    expected: edited(deploymentFile, [
      'limits:\n            memory: 256Mi\n',
      'limits:\n            memory: 1Gi\n            cpu: "1"\n',
    ]),
  },
  {
    name: 'multi-document file: only the named document changes, by kind and name',
    text: multiDocumentFile,
    object: { kind: 'Service', name: 'payments-api' },
    writes: [{ path: '/spec/ports/0/port', value: 8080 }],
    expected: edited(multiDocumentFile, [
      'port: 80 # public',
      'port: 8080 # public',
    ]),
  },
  {
    name: 'multi-document file: two ConfigMaps told apart by name; block scalar stays literal',
    text: multiDocumentFile,
    object: { kind: 'ConfigMap', name: 'payments-flags' },
    writes: [{ path: '/data/config.yaml', value: 'retries: 5\ntimeout: 5s\n' }],
    expected: edited(multiDocumentFile, [
      '    retries: 3\n',
      '    retries: 5\n',
    ]),
  },
  {
    name: 'an object without a namespace matches the default namespace',
    text: multiDocumentFile,
    object: {
      kind: 'ConfigMap',
      namespace: 'payments',
      name: 'payments-config',
    },
    defaultNamespace: 'payments',
    writes: [{ path: '/data/MODE', value: 'maintenance' }],
    expected: edited(multiDocumentFile, ['MODE: live', 'MODE: maintenance']),
  },
];

describe('patchManifest', () => {
  it.each(rows)('$name', row => {
    const result = patchManifest(row.text, row.object, row.writes, {
      defaultNamespace: row.defaultNamespace,
    });
    expect(result.refused).toEqual([]);
    expect(result.found).toBe(true);
    expect(result.written).toEqual(row.writes.map(w => w.path));
    expect(result.text).toBe(row.expected);
  });

  it('refuses a field no document declares, and writes the others', () => {
    const result = patchManifest(deploymentFile, deployment, [
      { path: '/spec/template/spec/nodeSelector/pool', value: 'big' },
      { path: '/spec/replicas', value: 4 },
    ]);
    expect(result.refused).toEqual([
      expect.objectContaining({
        path: '/spec/template/spec/nodeSelector/pool',
        code: 'not-declared',
        reason: expect.stringContaining('Helm values or a Kustomize overlay'),
      }),
    ]);
    expect(result.text).toBe(
      edited(deploymentFile, ['replicas: 3', 'replicas: 4']),
    );
  });

  it('does not find an object of another namespace, kind or name', () => {
    for (const object of [
      { ...deployment, namespace: 'other' },
      { ...deployment, kind: 'StatefulSet' },
      { ...deployment, name: 'payments-worker' },
    ]) {
      const result = patchManifest(deploymentFile, object, [
        { path: '/spec/replicas', value: 4 },
      ]);
      expect(result).toEqual({
        found: false,
        text: deploymentFile,
        written: [],
        refused: [],
      });
    }
  });

  it('never writes a Secret value', () => {
    const secret = `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: old
`;
    const result = patchManifest(secret, { kind: 'Secret', name: 'db' }, [
      { path: '/stringData/password', value: 'hunter2' },
    ]);
    expect(result.text).toBe(secret);
    expect(result.refused).toEqual([
      expect.objectContaining({
        code: 'secret-value',
        reason: expect.stringContaining('change it in your secret manager'),
      }),
    ]);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('refuses a field the live object no longer has', () => {
    const result = patchManifest(deploymentFile, deployment, [
      { path: '/spec/replicas', value: undefined },
    ]);
    expect(result.text).toBe(deploymentFile);
    expect(result.refused).toEqual([
      expect.objectContaining({ code: 'removed-live' }),
    ]);
  });
});
