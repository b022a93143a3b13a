import { KubeObject } from '../engine/types';
import { redactLiveState, redactObject } from './redactSecrets';
import { keyedSecretDigest } from './secretDigest';
import { testDigest } from './__testUtils__/testDigest';

const CANARY = 'canary-7d3e9b';
const CANARY_B64 = Buffer.from(CANARY).toString('base64');
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const redact = (object: object) =>
  redactObject(object as KubeObject, testDigest);

describe('redactSecrets', () => {
  it('replaces Secret data and stringData by comparable keyed digests', () => {
    const live = redact({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { password: CANARY_B64 },
    });
    const desired = redact({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { password: CANARY },
    });
    expect(live.data).toEqual({ password: testDigest(CANARY_B64) });
    expect(desired).toEqual(live);
    expect(JSON.stringify([live, desired])).not.toMatch(
      new RegExp(`${CANARY}|${CANARY_B64}`),
    );
  });

  it('digests under the key: another key gives another digest, redacting twice changes nothing', () => {
    const other = keyedSecretDigest(
      Buffer.from('another key, also 32+ characters'),
    );
    expect(other(CANARY)).not.toBe(testDigest(CANARY));
    expect(testDigest(CANARY)).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(testDigest(testDigest(CANARY))).toBe(testDigest(CANARY));
  });

  it.each(['Secret', 'Deployment', 'KafkaUser'])(
    'redacts the copy held in last-applied-configuration of a %s',
    kind => {
      const live = redact({
        apiVersion: 'v1',
        kind,
        metadata: {
          name: 's',
          annotations: {
            [LAST_APPLIED]: JSON.stringify({
              kind,
              stringData: { token: CANARY },
              spec: {
                template: {
                  spec: {
                    containers: [
                      { env: [{ name: 'DB_PASSWORD', value: CANARY }] },
                    ],
                  },
                },
                authentication: { password: CANARY },
              },
            }),
          },
        },
      });
      expect(JSON.stringify(live)).not.toContain(CANARY);
      expect(
        JSON.parse(live.metadata.annotations![LAST_APPLIED]).spec.authentication
          .password,
      ).toBe(testDigest(CANARY));
    },
  );

  it('drops a last-applied annotation that does not parse', () => {
    const live = redact({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', annotations: { [LAST_APPLIED]: `{${CANARY}` } },
    });
    expect(live.metadata.annotations).toEqual({});
  });

  it('redacts Secrets nested in List objects', () => {
    const list = redact({
      apiVersion: 'v1',
      kind: 'List',
      metadata: { name: 'l' },
      items: [
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 's' },
          data: { 'tls.key': CANARY_B64 },
        },
      ],
    });
    expect(JSON.stringify(list)).not.toMatch(
      new RegExp(`${CANARY}|${CANARY_B64}`),
    );
  });

  it('digests secret-named fields of any kind, custom resources included, not references', () => {
    const user = redact({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaUser',
      metadata: { name: 'u' },
      spec: {
        authentication: { type: 'scram-sha-512', password: CANARY },
        apiKey: CANARY,
        clientSecret: 42,
        secretName: 'kafka-user-secret',
        credentials: { secretKeyRef: { name: 'creds', key: 'token' } },
      },
    });
    expect(JSON.stringify(user)).not.toContain(CANARY);
    expect(user.spec).toMatchObject({
      authentication: { type: 'scram-sha-512', password: testDigest(CANARY) },
      apiKey: testDigest(CANARY),
      clientSecret: testDigest('42'),
      secretName: 'kafka-user-secret',
      credentials: { secretKeyRef: { name: 'creds', key: 'token' } },
    });
  });

  it('leaves objects without secrets untouched (same reference)', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { a: 'b' },
    };
    expect(redact(configMap)).toBe(configMap);
  });

  it('digests Terraform sensitive values and secret-named attributes, drops prior state', () => {
    const state = redactLiveState(
      {
        terraformPlan: {
          format_version: '1.2',
          prior_state: { values: { secret: CANARY } },
          resource_changes: [
            {
              address: 'cloudflare_record.origin',
              type: 'cloudflare_record',
              change: {
                actions: ['update'],
                before: { value: CANARY, ttl: 1, api_token: CANARY },
                after: { value: 'x', ttl: 2, nested: [{ key: CANARY }] },
                before_sensitive: { value: true },
                after_sensitive: { nested: [{ key: true }] },
              },
            },
          ],
        },
      },
      testDigest,
    );
    expect(JSON.stringify(state)).not.toContain(CANARY);
    expect(state.terraformPlan?.resource_changes?.[0].change.before).toEqual({
      value: testDigest(CANARY),
      ttl: 1,
      api_token: testDigest(CANARY),
    });
  });
});
