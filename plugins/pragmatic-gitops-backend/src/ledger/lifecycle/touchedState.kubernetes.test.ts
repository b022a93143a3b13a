import { CANARY, configMap, deployment, scan } from './__testUtils__/scans';
import { digestValue } from './digest';
import { HotfixChange } from './types';

const MEMORY = '/spec/template/spec/containers/0/resources/limits/memory';
const REPLICAS = '/spec/replicas';
const TOKEN = '/spec/template/spec/containers/0/env/0/value';

const replicasChange: HotfixChange = {
  kind: 'Deployment',
  name: 'payments',
  paths: [REPLICAS],
};

describe('touchedState (Kubernetes)', () => {
  it.each([
    {
      title: 'hotfixed field differs from Git',
      change: replicasChange,
      desired: { replicas: 2 },
      live: { replicas: 4 },
      expected: { found: true, inSync: false, sameDigests: false },
    },
    {
      title: 'Git caught up with the hotfixed field',
      change: replicasChange,
      desired: { replicas: 4 },
      live: { replicas: 4 },
      expected: { found: true, inSync: true, sameDigests: true },
    },
    {
      title: 'drift elsewhere does not touch the hotfixed field',
      change: replicasChange,
      desired: { replicas: 4, memory: '512Mi' },
      live: { replicas: 4, memory: '1Gi' },
      expected: { found: true, inSync: true, sameDigests: true },
    },
    {
      title: 'a difference below the path touches it',
      change: {
        ...replicasChange,
        paths: ['/spec/template/spec/containers/0'],
      },
      desired: { memory: '512Mi' },
      live: { memory: '1Gi' },
      expected: { found: true, inSync: false, sameDigests: false },
    },
    {
      title: 'a difference above the path touches it',
      change: {
        ...replicasChange,
        paths: [`${MEMORY}/deeper`],
      },
      desired: { memory: '512Mi' },
      live: { memory: '1Gi' },
      expected: { found: true, inSync: false, sameDigests: true },
    },
    {
      title: 'no paths: any difference counts',
      change: { kind: 'Deployment', name: 'payments' },
      desired: { memory: '512Mi' },
      live: { memory: '1Gi' },
      expected: { found: true, inSync: false, sameDigests: false },
    },
    {
      title: 'no paths: in sync when the engine reports nothing',
      change: { kind: 'Deployment', name: 'payments' },
      desired: {},
      live: {},
      expected: { found: true, inSync: true, sameDigests: true },
    },
    {
      title: 'several paths: one drifted is enough',
      change: { ...replicasChange, paths: [REPLICAS, MEMORY] },
      desired: { replicas: 4, memory: '512Mi' },
      live: { replicas: 4, memory: '1Gi' },
      expected: { found: true, inSync: false, sameDigests: false },
    },
  ])('$title', ({ change, desired, live, expected }) => {
    const { touched } = scan([change], {
      desired: [deployment(desired)],
      live: { objects: [deployment({ ...live, live: true })] },
    });
    expect(touched).toHaveLength(1);
    const [state] = touched;
    expect(state.found).toBe(expected.found);
    expect(state.inSync).toBe(expected.inSync);
    expect(state.liveDigest === state.desiredDigest).toBe(expected.sameDigests);
    expect(state.liveDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('gives the same live digest in later scans while live does not move', () => {
    const first = scan([replicasChange], {
      desired: [deployment({ replicas: 2 })],
      live: { objects: [deployment({ replicas: 4, live: true })] },
    }).touched[0];
    const second = scan([replicasChange], {
      desired: [deployment({ replicas: 4 })],
      live: { objects: [deployment({ replicas: 4, live: true })] },
    }).touched[0];
    expect(second.liveDigest).toBe(first.liveDigest);
    expect(second.desiredDigest).toBe(first.liveDigest);
    expect(second.desiredDigest).not.toBe(first.desiredDigest);
  });

  it('whole object: ignores server metadata and status', () => {
    const change = { kind: 'Deployment', name: 'payments' };
    const [state] = scan([change], {
      desired: [deployment({ namespace: 'payments' })],
      live: { objects: [deployment({ live: true })] },
    }).touched;
    expect(state.liveDigest).toBe(state.desiredDigest);
  });

  it('reports a missing live object as not found and not in sync', () => {
    const { touched, resources } = scan([replicasChange], {
      desired: [deployment()],
      live: { objects: [] },
    });
    expect(resources[0].status).toBe('missing');
    expect(touched[0]).toMatchObject({ found: false, inSync: false });
  });

  it('finds an object only live has (created by the hotfix) as extra', () => {
    const change = { kind: 'ConfigMap', name: 'feature-flags' };
    const created = configMap('feature-flags', { on: 'true' }, 'payments');
    const before = scan([change], {
      desired: [deployment()],
      live: { objects: [deployment({ live: true }), created] },
    }).touched[0];
    expect(before).toMatchObject({ found: true, inSync: false });
    expect(before.desiredDigest).not.toBe(before.liveDigest);
    const after = scan([change], {
      desired: [deployment(), configMap('feature-flags', { on: 'true' })],
      live: { objects: [deployment({ live: true }), created] },
    }).touched[0];
    expect(after).toMatchObject({ found: true, inSync: true });
    expect(after.liveDigest).toBe(before.liveDigest);
  });

  it('defaults the namespace as the engine does', () => {
    const desired = [configMap('settings', { mode: 'a' })];
    const live = {
      objects: [
        configMap('settings', { mode: 'hotfixed' }, 'payments'),
        configMap('settings', { mode: 'a' }, 'staging'),
      ],
    };
    const [defaulted, explicit, elsewhere] = scan(
      [
        { kind: 'ConfigMap', name: 'settings', paths: ['/data/mode'] },
        {
          kind: 'ConfigMap',
          namespace: 'payments',
          name: 'settings',
          paths: ['/data/mode'],
        },
        {
          kind: 'ConfigMap',
          namespace: 'staging',
          name: 'settings',
          paths: ['/data/mode'],
        },
      ],
      { desired, live, defaultNamespace: 'payments' },
    ).touched;
    expect(defaulted).toMatchObject({ found: true, inSync: false });
    expect(explicit).toEqual(defaulted);
    // The staging copy is not declared in Git: the engine reports it as extra.
    expect(elsewhere).toMatchObject({ found: true, inSync: false });
    expect(elsewhere.liveDigest).not.toBe(defaulted.liveDigest);
  });

  it('does not find an object in a namespace nobody has', () => {
    const { touched } = scan([{ ...replicasChange, namespace: 'other' }], {
      desired: [deployment()],
      live: { objects: [deployment({ live: true })] },
    });
    expect(touched[0]).toMatchObject({ found: false, inSync: false });
  });

  it('lines list items up by key, not position (injected sidecar)', () => {
    const inSync = scan([{ ...replicasChange, paths: [MEMORY] }], {
      desired: [deployment({ memory: '1Gi' })],
      live: {
        objects: [deployment({ memory: '1Gi', sidecar: true, live: true })],
      },
    }).touched[0];
    expect(inSync.liveDigest).toBe(inSync.desiredDigest);
  });

  it('treats malformed paths as absent values and never throws', () => {
    const { touched } = scan(
      [{ ...replicasChange, paths: ['spec.replicas', '/spec/__proto__/x'] }],
      {
        desired: [deployment()],
        live: { objects: [deployment({ live: true })] },
      },
    );
    expect(touched[0].liveDigest).toBe(digestValue({ paths: {} }));
  });

  it('returns digests, never values (canary)', () => {
    const changes: HotfixChange[] = [
      { ...replicasChange, paths: [TOKEN] },
      { kind: 'Deployment', name: 'payments' },
    ];
    const { touched } = scan(changes, {
      desired: [deployment({ token: `${CANARY}-git` })],
      live: { objects: [deployment({ live: true })] },
    });
    expect(touched[0]).toMatchObject({ found: true, inSync: false });
    const text = JSON.stringify(touched);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('payments:1.4.2');
  });
});
