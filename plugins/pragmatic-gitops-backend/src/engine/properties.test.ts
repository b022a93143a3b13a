/**
 * Properties the drift engine must hold for every object, checked with
 * generated objects (fast-check) rather than hand-picked examples:
 * - an object never drifts from itself;
 * - what the API server adds (server-set metadata, status, defaulted
 *   fields) never creates drift, with or without a record of the last apply.
 */
import fc from 'fast-check';
import { Track } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { computeDrift } from './computeDrift';
import { KubeObject } from './types';
import { driftInput } from './__fixtures__/harness';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const KINDS = [
  'Deployment',
  'StatefulSet',
  'Service',
  'ConfigMap',
  'Secret',
  'Ingress',
  'KafkaTopic',
  'Cluster',
];

const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9.-]{0,11}$/);

/** JSON values as YAML manifests hold them. */
const json: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('500m', '1Gi', '0.5', 'TCP', ''),
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const kubeObject: fc.Arbitrary<KubeObject> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    namespace: fc.option(fc.constantFrom('shop', 'payments'), {
      nil: undefined,
    }),
    labels: fc.dictionary(key, fc.string(), { maxKeys: 3 }),
    body: fc.dictionary(
      key.filter(k => !['apiVersion', 'kind', 'metadata'].includes(k)),
      json,
      { maxKeys: 5 },
    ),
  })
  .map(({ kind, name, namespace, labels, body }) => ({
    apiVersion: kind === 'Deployment' ? 'apps/v1' : 'example.io/v1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}), labels },
    ...body,
  }));

const track = fc.constantFrom<Track>('declarative', 'operator');

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function differences(desired: KubeObject, live: KubeObject, t: Track) {
  const result = computeDrift(
    driftInput({
      track: t,
      desired: [desired],
      live: { objects: [live] },
      defaultNamespace: 'shop',
    }),
  );
  return result.resources.flatMap(r =>
    r.status === 'in-sync' ? [] : [r.status, ...r.differences.map(d => d.path)],
  );
}

/** Adds, at every object level of `value`, the fields in `defaults` it lacks. */
function withDefaults(
  value: unknown,
  defaults: Record<string, unknown>,
): unknown {
  if (Array.isArray(value)) {
    return value.map(item => withDefaults(item, defaults));
  }
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      result[k] = withDefaults(v, defaults);
    }
    for (const [k, v] of Object.entries(defaults)) {
      if (!(k in result)) {
        result[k] = v;
      }
    }
    return result;
  }
  return value;
}

const serverSide = fc.record({
  defaults: fc.dictionary(
    key.map(k => `default-${k}`),
    json,
    { minKeys: 1, maxKeys: 3 },
  ),
  status: fc.dictionary(key, json, { maxKeys: 4 }),
  record: fc.constantFrom('none', 'last-applied', 'managed-fields'),
});

function asLive(
  desired: KubeObject,
  server: {
    defaults: Record<string, unknown>;
    status: unknown;
    record: string;
  },
): KubeObject {
  const { metadata, ...rest } = clone(desired);
  const live = {
    ...(withDefaults(rest, server.defaults) as Record<string, unknown>),
    apiVersion: desired.apiVersion,
    kind: desired.kind,
    metadata: {
      ...metadata,
      namespace: metadata.namespace ?? 'shop',
      uid: '6d1c4d1e-1111-4c4c-8d8d-000000000001',
      resourceVersion: '48213',
      generation: 7,
      creationTimestamp: '2026-11-01T10:00:00Z',
      annotations: {
        ...(metadata.annotations ?? {}),
        ...(server.record === 'last-applied'
          ? { [LAST_APPLIED]: JSON.stringify(desired) }
          : {}),
      },
      ...(server.record === 'managed-fields'
        ? {
            managedFields: [
              {
                manager: 'kube-controller-manager',
                operation: 'Update',
                fieldsType: 'FieldsV1',
                fieldsV1: { 'f:status': {} },
              },
            ],
          }
        : {}),
    },
    status: server.status,
  } as KubeObject;
  return live;
}

describe('drift engine properties', () => {
  it('diff(x, x) is empty for every object', () => {
    fc.assert(
      fc.property(kubeObject, track, (object, t) => {
        expect(differences(object, clone(object), t)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('server-set metadata, status and defaulted fields never create drift', () => {
    fc.assert(
      fc.property(kubeObject, serverSide, track, (desired, server, t) => {
        expect(differences(desired, asLive(desired, server), t)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a declared value changed live is always drift (the properties above are not vacuous)', () => {
    fc.assert(
      fc.property(
        kubeObject,
        serverSide,
        track,
        key,
        (object, server, t, k) => {
          const desired = { ...object, [`field-${k}`]: 'from-git' };
          const live = asLive(
            { ...desired, [`field-${k}`]: 'by-hand' },
            server,
          );
          expect(differences(desired, live, t)).toEqual([
            'drifted',
            `/field-${k}`,
          ]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
