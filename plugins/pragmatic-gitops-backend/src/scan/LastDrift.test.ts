import { deepFreeze } from '../desired/deepFreeze';
import { DriftInput, KubeObject } from '../engine/types';
import { LastDrift } from './LastDrift';

const deployment = (replicas: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { replicas },
});

function input(
  desired: KubeObject,
  live: KubeObject,
  extra: Partial<DriftInput> = {},
): DriftInput {
  return {
    track: 'declarative',
    desired: [desired],
    live: { objects: [live] },
    ignoreRules: [],
    gitopsFieldManagers: ['argocd-controller'],
    ...extra,
  };
}

const differencesOf = (result: ReturnType<LastDrift['compute']>) =>
  result.resources.flatMap(r => r.differences.map(d => d.path));

describe('LastDrift', () => {
  const desired = deepFreeze(deployment(2));

  it('answers the very same frozen inputs with the result it computed, and nothing can change it', () => {
    const last = new LastDrift();
    const live = deepFreeze(deployment(3));
    const first = last.compute('web', input(desired, live));
    expect(first.status).toBe('drifted');
    expect(last.compute('web', input(desired, live))).toBe(first);
    expect(() => {
      (first.resources as any).push({});
    }).toThrow(TypeError);
  });

  it('computes again when a live object, an ignore rule or the track changes', () => {
    const last = new LastDrift();
    const live = deepFreeze(deployment(3));
    expect(last.compute('web', input(desired, live)).status).toBe('drifted');
    expect(
      last.compute('web', input(desired, deepFreeze(deployment(2)))).status,
    ).toBe('in-sync');
    expect(
      last.compute(
        'web',
        input(desired, live, {
          ignoreRules: [{ kind: 'Deployment', pointer: '/spec/replicas' }],
        }),
      ).status,
    ).toBe('in-sync');
    expect(last.compute('web', input(desired, live)).status).toBe('drifted');
    const extra = deepFreeze({ ...deployment(2), metadata: { name: 'other' } });
    expect(
      last
        .compute('web', {
          ...input(desired, live),
          live: { objects: [live, extra] },
        })
        .resources.map(r => r.status)
        .sort(),
    ).toEqual(['drifted', 'extra']);
    expect(
      last
        .compute('web', {
          ...input(desired, live, { track: 'operator' }),
          live: { objects: [live, extra] },
        })
        .resources.map(r => r.status),
    ).toEqual(['drifted']);
  });

  it('computes again when the default namespace changes', () => {
    const last = new LastDrift();
    const unnamespaced = deepFreeze({
      ...deployment(2),
      metadata: { name: 'web' },
    });
    const live = deepFreeze(deployment(2));
    const statuses = (defaultNamespace: string) =>
      last
        .compute('web', input(unnamespaced, live, { defaultNamespace }))
        .resources.map(r => r.status)
        .sort();
    expect(statuses('shop')).toEqual(['in-sync']);
    expect(statuses('other')).toEqual(['extra', 'missing']);
  });

  it('computes objects that are not frozen every time, so a change in place shows', () => {
    const last = new LastDrift();
    const live = deployment(3);
    expect(differencesOf(last.compute('web', input(desired, live)))).toEqual([
      '/spec/replicas',
    ]);
    (live.spec as any).replicas = 2;
    expect(last.compute('web', input(desired, live)).status).toBe('in-sync');
  });

  it('keeps each entity apart', () => {
    const last = new LastDrift();
    const live = deepFreeze(deployment(3));
    const web = last.compute('web', input(desired, live));
    const api = last.compute('api', input(desired, deepFreeze(deployment(2))));
    expect(api.status).toBe('in-sync');
    expect(last.compute('web', input(desired, live))).toBe(web);
  });
});
