/**
 * Every upstream the plugin calls, failing in every way we know of: each
 * answer is `unknown` (live state) or `error` (secret metadata, back-port
 * search) with a reason naming the upstream, well within its configured
 * timeout, and nothing is thrown or left unhandled. Timings are printed.
 */
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SecretRef } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { LiveStateResult } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { keyedSecretDigest } from '../../observations/secretDigest';
import { ArgoCdProvider } from '../../providers/argocd';
import { AwsSecretsManagerResolver } from '../../providers/aws';
import { GithubBackportCommitFinder } from '../../providers/github';
import { GitlabBackportCommitFinder } from '../../providers/gitlab';
import { KubernetesProvider } from '../../providers/kubernetes';
import { VaultSecretResolver } from '../../providers/vault';
import {
  Fault,
  faultResolver,
  FAULTS,
  FaultTimings,
  trackUnhandledRejections,
} from '../__testUtils__/faultyUpstream';

jest.setTimeout(15_000);

const TIMEOUT_MS = 400;
/** Scheduling slack on a shared 2-core machine, not a performance claim. */
const MARGIN_MS = 2_000;

const ARGOCD = 'https://argocd.faulty.example.com';
const CLUSTER = 'https://k8s.faulty.example.com';
const VAULT = 'https://vault.faulty.example.com';
const GITHUB_API = 'https://ghe.faulty.example.com/api/v3';
const GITLAB_API = 'https://gitlab.faulty.example.com/api/v4';

const config = new ConfigReader({
  aws: {
    mainAccount: {
      accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
      secretAccessKey: 'secret-access-key-canary',
    },
  },
  integrations: {
    github: [
      { host: 'ghe.faulty.example.com', apiBaseUrl: GITHUB_API, token: 't' },
    ],
    gitlab: [
      {
        host: 'gitlab.faulty.example.com',
        apiBaseUrl: GITLAB_API,
        token: 't',
      },
    ],
  },
  kubernetes: {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'faulty',
            url: CLUSTER,
            authProvider: 'serviceAccount',
            serviceAccountToken: 'k8s-token',
            skipTLSVerify: true,
          },
        ],
      },
    ],
  },
  pragmaticGitops: {
    argocd: {
      instances: [
        { name: 'faulty', baseUrl: ARGOCD, token: 't', timeoutMs: TIMEOUT_MS },
      ],
    },
    kubernetes: { timeoutMs: TIMEOUT_MS },
    vault: {
      instances: [
        { name: 'faulty', baseUrl: VAULT, token: 't', timeoutMs: TIMEOUT_MS },
      ],
    },
    awsSecretsManager: {
      regions: ['eu-west-1'],
      timeoutMs: TIMEOUT_MS,
    },
  },
});

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

const desired = {
  desired: [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'shop', namespace: 'shop' },
      spec: { replicas: 2 },
    },
  ],
};

function secretRef(kind: 'vault' | 'aws-secrets-manager', key: string) {
  return {
    store: { kind },
    key,
    via: 'annotation',
    usedBy: [],
    resolution: { status: 'unchecked' },
  } as SecretRef;
}

type Answer = { state: string; reason: string };

const fromLiveState = (results: LiveStateResult | LiveStateResult[]) => {
  const list = [results].flat();
  const unknown = list.find(r => r.type === 'unknown');
  return unknown?.type === 'unknown'
    ? { state: 'unknown', reason: unknown.reason }
    : { state: list.map(r => r.type).join(','), reason: '' };
};
const fromSecretRefs = ([ref]: SecretRef[]) => ({
  state: ref.resolution.status,
  reason: ref.resolution.reason ?? '',
});

const logger = mockServices.logger.mock();
const UPSTREAMS: Array<{
  name: string;
  host: RegExp | string;
  names: RegExp;
  expected: string;
  call: () => Promise<Answer>;
}> = [
  {
    name: 'Argo CD',
    host: `${ARGOCD}/*`,
    names: /Argo CD instance 'faulty'/,
    expected: 'unknown',
    call: async () =>
      fromLiveState(
        await ArgoCdProvider.fromConfig(config, { logger }).getLiveState(
          entity({ 'argocd/app-name': 'shop' }),
          'component:default/shop',
        ),
      ),
  },
  {
    name: 'Kubernetes',
    host: `${CLUSTER}/*`,
    names: /Kubernetes cluster 'faulty'/,
    expected: 'unknown',
    call: async () =>
      fromLiveState(
        await KubernetesProvider.fromConfig(config, {
          logger,
          catalog: catalogServiceMock({ entities: [] }),
          auth: mockServices.auth(),
          secretDigest: keyedSecretDigest(Buffer.alloc(32, 1)),
        }).getLiveState(
          entity({ 'backstage.io/kubernetes-id': 'shop' }),
          'component:default/shop',
          desired,
        ),
      ),
  },
  {
    name: 'Vault',
    host: `${VAULT}/*`,
    names: /Vault/,
    expected: 'error',
    call: async () =>
      fromSecretRefs(
        await VaultSecretResolver.fromConfig(config, { logger }).resolveAll([
          secretRef('vault', 'secret/payments/db#password'),
        ]),
      ),
  },
  {
    name: 'AWS Secrets Manager',
    host: /amazonaws\.com/,
    names: /AWS|Secrets Manager/,
    expected: 'error',
    call: async () =>
      fromSecretRefs(
        await AwsSecretsManagerResolver.fromConfig(config, {
          logger,
        }).resolveAll([secretRef('aws-secrets-manager', 'payments/db')]),
      ),
  },
  {
    name: 'GitHub',
    host: `${GITHUB_API}/*`,
    names: /GitHub/,
    expected: 'error',
    call: async () => {
      const result = await GithubBackportCommitFinder.fromConfig(config, {
        logger,
        timeoutMs: TIMEOUT_MS,
      }).findBackports(
        entity({
          'pragmatic-gitops.io/source-location':
            'url:https://ghe.faulty.example.com/acme/deploy/tree/main/shop',
        }),
        { since: new Date('2026-11-01T00:00:00Z') },
      );
      return {
        state: result.type,
        reason: result.type === 'found' ? '' : result.reason,
      };
    },
  },
  {
    name: 'GitLab',
    host: `${GITLAB_API}/*`,
    names: /GitLab/,
    expected: 'error',
    call: async () => {
      const result = await GitlabBackportCommitFinder.fromConfig(config, {
        logger,
        timeoutMs: TIMEOUT_MS,
      }).findBackports(
        entity({
          'pragmatic-gitops.io/source-location':
            'url:https://gitlab.faulty.example.com/platform/deploy/-/tree/main/shop',
        }),
        { since: new Date('2026-11-01T00:00:00Z') },
      );
      return {
        state: result.type,
        reason: result.type === 'found' ? '' : result.reason,
      };
    },
  },
];

describe('upstream faults', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  trackUnhandledRejections();
  const timings = new FaultTimings();
  afterAll(() => timings.print('unknown/error'));

  const cases = UPSTREAMS.flatMap(upstream =>
    FAULTS.map(fault => [upstream.name, fault, upstream] as const),
  );

  it.each(cases)(
    '%s that %s: the answer names it, within the timeout',
    async (_name, fault: Fault, upstream) => {
      server.use(http.all(upstream.host, faultResolver(fault)));
      const started = Date.now();
      const answer = await upstream.call();
      const elapsedMs = Date.now() - started;
      timings.add({
        upstream: upstream.name,
        fault,
        timeoutMs: TIMEOUT_MS,
        elapsedMs,
        outcome: `${answer.state}: ${answer.reason.slice(0, 90)}`,
      });
      expect(answer.state).toBe(upstream.expected);
      expect(answer.reason).toMatch(upstream.names);
      expect(elapsedMs).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    },
  );
});
