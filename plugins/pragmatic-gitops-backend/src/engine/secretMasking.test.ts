import { computeDrift } from './computeDrift';
import { DriftInput, KubeObject, MASKED_VALUE } from './types';
import { isSecretName, sanitizeValue } from './secretMasking';
import {
  b64,
  CANARY,
  deploymentDesired,
  deploymentLive,
  secretDesired,
  secretLive,
} from './__fixtures__/kubernetes';
import { resourceDriftPlan } from './__fixtures__/terraform';
import { driftInput, edit } from './__fixtures__/harness';
import { LAST_APPLIED } from './__fixtures__/threeWay';

const CONTAINER = '/spec/template/spec/containers/0';

function withEnv(object: KubeObject, env: unknown[]): KubeObject {
  return edit(object, o => (o.spec.template.spec.containers[0].env = env));
}

function sealedSecret(value: string): KubeObject {
  return {
    apiVersion: 'bitnami.com/v1alpha1',
    kind: 'SealedSecret',
    metadata: { name: 'search-credentials', namespace: 'search' },
    spec: {
      encryptedData: { password: value },
      template: { metadata: { name: 'search-credentials' } },
    },
  };
}

function configMap(value: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'legacy-config', namespace: 'payments' },
    data: { LOG_LEVEL: 'info', DB_PASSWORD: value },
  };
}

type Case = { name: string; input: () => DriftInput; maskedPaths: string[] };

const cases: Case[] = [
  {
    name: 'Secret stringData changed live',
    input: () =>
      driftInput({
        desired: [secretDesired()],
        live: {
          objects: [
            edit(
              secretLive(),
              o => (o.data['webhook-secret'] = b64(CANARY.secretLive)),
            ),
          ],
        },
      }),
    maskedPaths: ['/stringData/webhook-secret'],
  },
  {
    name: 'Secret with no data live',
    input: () =>
      driftInput({
        desired: [secretDesired()],
        live: { objects: [edit(secretLive(), o => delete o.data)] },
      }),
    maskedPaths: ['/data/session-secret', '/stringData/webhook-secret'],
  },
  {
    name: 'Secret key removed from Git, still live (last-applied holds the old values)',
    input: () => {
      const applied = edit(
        secretDesired(),
        o => (o.data['old-key'] = b64(CANARY.lastApplied)),
      );
      return driftInput({
        track: 'operator',
        desired: [secretDesired()],
        live: {
          objects: [
            edit(secretLive(), o => {
              o.data['old-key'] = b64(CANARY.lastApplied);
              o.metadata.annotations = {
                [LAST_APPLIED]: JSON.stringify(applied),
              };
            }),
          ],
        },
      });
    },
    maskedPaths: ['/data/old-key'],
  },
  {
    name: 'literal env value with a secret-looking name changed live',
    input: () =>
      driftInput({
        desired: [
          withEnv(deploymentDesired(), [
            { name: 'DB_PASSWORD', value: CANARY.envDesired },
          ]),
        ],
        live: {
          objects: [
            withEnv(deploymentLive(), [
              { name: 'DB_PASSWORD', value: CANARY.envLive },
            ]),
          ],
        },
      }),
    maskedPaths: [`${CONTAINER}/env/0/value`],
  },
  {
    name: 'extra env entry carrying a token (declarative)',
    input: () =>
      driftInput({
        desired: [
          withEnv(deploymentDesired(), [{ name: 'LOG_LEVEL', value: 'info' }]),
        ],
        live: {
          objects: [
            withEnv(deploymentLive(), [
              { name: 'LOG_LEVEL', value: 'info' },
              { name: 'GITHUB_TOKEN', value: CANARY.extraEnv },
            ]),
          ],
        },
      }),
    maskedPaths: [`${CONTAINER}/env/-`],
  },
  {
    name: 'env entry with an api key removed from Git, still live (operator, last-applied)',
    input: () => {
      const applied = withEnv(deploymentDesired(), [
        { name: 'STRIPE_API_KEY', value: CANARY.removedEnv },
      ]);
      return driftInput({
        track: 'operator',
        desired: [withEnv(deploymentDesired(), [])],
        live: {
          objects: [
            edit(
              withEnv(deploymentLive(), [
                { name: 'STRIPE_API_KEY', value: CANARY.removedEnv },
              ]),
              o => {
                delete o.metadata.managedFields;
                o.metadata.annotations[LAST_APPLIED] = JSON.stringify(applied);
              },
            ),
          ],
        },
      });
    },
    maskedPaths: [`${CONTAINER}/env`],
  },
  {
    name: 'whole container missing live, its env carrying a private key',
    input: () =>
      driftInput({
        desired: [
          edit(deploymentDesired(), o =>
            o.spec.template.spec.containers.push({
              name: 'signer',
              image: 'signer:1',
              env: [{ name: 'SIGNING_PRIVATE_KEY', value: CANARY.envDesired }],
            }),
          ),
        ],
        live: { objects: [deploymentLive()] },
      }),
    maskedPaths: ['/spec/template/spec/containers/1'],
  },
  {
    name: 'hotfix replaced a secretKeyRef by a literal credential',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              o.spec.template.spec.containers[0].env[2] = {
                name: 'DATABASE_PASSWORD',
                value: CANARY.envLive,
              };
            }),
          ],
        },
      }),
    maskedPaths: [],
  },
  {
    name: 'SealedSecret encryptedData changed',
    input: () =>
      driftInput({
        desired: [sealedSecret('AgBy3i4OJSWK+PiTySYZZA==')],
        live: { objects: [sealedSecret(CANARY.sealed)] },
      }),
    maskedPaths: ['/spec/encryptedData/password'],
  },
  {
    name: 'ConfigMap key that looks like a password',
    input: () =>
      driftInput({
        desired: [configMap('from-git')],
        live: { objects: [configMap(CANARY.configMap)] },
      }),
    maskedPaths: ['/data/DB_PASSWORD'],
  },
  {
    name: 'Terraform resource_drift with sensitive attributes',
    input: () =>
      driftInput({
        track: 'imperative',
        live: { terraformPlan: resourceDriftPlan() },
      }),
    maskedPaths: ['/password', '/connection/secret'],
  },
];

describe('secret masking', () => {
  it.each(cases)(
    'never returns a secret value: $name',
    ({ input, maskedPaths }) => {
      // Everything the engine reports; `pairs` are its own input, for the
      // ledger in memory, and are never stored or sent.
      const { pairs: _input, ...result } = computeDrift(input());
      const serialized = JSON.stringify(result);
      for (const canary of Object.values(CANARY)) {
        expect(serialized).not.toContain(canary);
        expect(serialized).not.toContain(b64(canary));
      }
      const masked = result.resources.flatMap(r =>
        r.differences.filter(d => d.masked).map(d => d.path),
      );
      expect(masked).toEqual(maskedPaths);
      expect(result.status).not.toBe('in-sync');
    },
  );

  it('a masked whole value keeps its shape and hides only the secret', () => {
    const result = computeDrift(cases[4].input());
    expect(result.resources[0].differences).toEqual([
      {
        path: `${CONTAINER}/env/-`,
        live: { name: 'GITHUB_TOKEN', value: MASKED_VALUE },
        masked: true,
      },
    ]);
  });

  it.each([
    ['DB_PASSWORD', true],
    ['client_secret', true],
    ['GITHUB_TOKEN', true],
    ['STRIPE_APIKEY', true],
    ['OPENAI_API_KEY', true],
    ['TLS_PRIVATE_KEY', true],
    ['AWS_CREDENTIALS', true],
    ['LOG_LEVEL', false],
    ['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', false],
    [42, false],
  ])('isSecretName(%p) is %p', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });

  it('sanitizeValue returns the same reference when nothing is secret', () => {
    const value = { env: [{ name: 'LOG_LEVEL', value: 'info' }] };
    expect(sanitizeValue(value)).toEqual({ value, masked: false });
    expect(sanitizeValue(value).value).toBe(value);
  });

  it('sanitizeValue masks nested secret literal entries without touching the input', () => {
    const value = {
      containers: [{ env: [{ name: 'API_TOKEN', value: 'abc' }] }],
    };
    const result = sanitizeValue(value);
    expect(result).toEqual({
      value: {
        containers: [{ env: [{ name: 'API_TOKEN', value: MASKED_VALUE }] }],
      },
      masked: true,
    });
    expect(value.containers[0].env[0].value).toBe('abc');
  });
});
