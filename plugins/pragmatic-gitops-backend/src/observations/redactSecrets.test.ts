import {
  redactLiveState,
  redactObject,
  digestSecretValue,
} from './redactSecrets';

const CANARY = 'canary-7d3e9b';
const CANARY_B64 = Buffer.from(CANARY).toString('base64');

describe('redactSecrets', () => {
  it('replaces Secret data and stringData by comparable digests', () => {
    const live = redactObject({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { password: CANARY_B64 },
    });
    const desired = redactObject({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { password: CANARY },
    });
    expect(live.data).toEqual({ password: digestSecretValue(CANARY_B64) });
    expect(desired).toEqual(live);
    expect(JSON.stringify([live, desired])).not.toMatch(
      new RegExp(`${CANARY}|${CANARY_B64}`),
    );
  });

  it('redacts the copy of a Secret held in last-applied-configuration', () => {
    const live = redactObject({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 's',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
            kind: 'Secret',
            stringData: { token: CANARY },
          }),
        },
      },
    });
    expect(JSON.stringify(live)).not.toContain(CANARY);
  });

  it('leaves other kinds untouched', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { a: 'b' },
    };
    expect(redactObject(configMap)).toBe(configMap);
  });

  it('masks Terraform values marked sensitive and drops prior state', () => {
    const state = redactLiveState({
      terraformPlan: {
        format_version: '1.2',
        prior_state: { values: { secret: CANARY } },
        resource_changes: [
          {
            address: 'cloudflare_record.origin',
            type: 'cloudflare_record',
            change: {
              actions: ['update'],
              before: { value: CANARY, ttl: 1 },
              after: { value: 'x', ttl: 2, nested: [{ key: CANARY }] },
              before_sensitive: { value: true },
              after_sensitive: { nested: [{ key: true }] },
            },
          },
        ],
      },
    });
    expect(JSON.stringify(state)).not.toContain(CANARY);
    expect(state.terraformPlan?.resource_changes?.[0].change.before).toEqual({
      value: '(sensitive)',
      ttl: 1,
    });
  });
});
