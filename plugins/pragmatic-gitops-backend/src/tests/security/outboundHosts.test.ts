/*
 * No request leaves for a host that is not in config, whatever annotations
 * say. Argo CD, Vault, AWS, a Kubernetes cluster and a GitHub host are
 * configured; entities name other hosts every way an annotation can (Argo
 * CD instance and application names, url: sources, secret references, a
 * catalog cluster while only the config locator is on). Every outbound
 * request is recorded by msw; one to any other host fails the test.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import {
  deployedComponent,
  startSecurityBackend,
} from '../__testUtils__/securityBackend';
import { webCheckout } from '../__testUtils__/webCheckout';

jest.setTimeout(120_000);

const ALLOWED = [
  'argocd.allowed.example.com',
  'vault.allowed.example.com',
  'k8s.allowed.example.com',
  'ghe.allowed.example.com',
  'secretsmanager.eu-west-1.amazonaws.com',
  'sts.eu-west-1.amazonaws.com',
  'sts.amazonaws.com',
];

const dir = webCheckout();

const hostile = (name: string, annotations: Record<string, string>) =>
  deployedComponent(dir, name, { annotations });

const entities: Entity[] = [
  // The control: annotations naming configured upstreams reach them.
  hostile('configured', {
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
    'argocd/app-name': 'web',
    'pragmatic-gitops.io/secret-refs': 'vault:secret/shop/db#password',
  }),
  hostile('argo-instance-url', {
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
    'argocd/app-name': 'shop',
    'argocd/instance-name': 'https://evil.example.com',
  }),
  hostile('argo-app-traversal', {
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
    'argocd/app-name': '../../../../@evil.example.com/x',
  }),
  hostile('argo-app-userinfo', {
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
    'argocd/app-name': 'shop@evil.example.com:443',
  }),
  hostile('url-source-other-host', {
    'pragmatic-gitops.io/source-location':
      'url:https://evil.example.com/acme/deploy/tree/main/web',
  }),
  hostile('url-source-look-alike', {
    'pragmatic-gitops.io/source-location':
      'url:https://ghe.allowed.example.com.evil.example/acme/deploy/tree/main/web',
  }),
  hostile('url-source-userinfo', {
    'pragmatic-gitops.io/source-location':
      'url:https://ghe.allowed.example.com@evil.example.com/acme/deploy/tree/main/web',
  }),
  hostile('secret-refs-elsewhere', {
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
    'pragmatic-gitops.io/secret-refs': [
      'vault/evil:secret/shop/db#password',
      'vault:https://evil.example.com/v1/secret/x',
      'vault://evil.example.com/secret/x',
      'aws-sm:arn:aws:secretsmanager:us-east-1:123456789012:secret:x',
      'aws-sm:https://evil.example.com/secret',
    ].join(','),
    'vault.io/secrets-path': '//evil.example.com/x',
  }),
  hostile('kubernetes-elsewhere', {
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
    'backstage.io/kubernetes-id': 'web',
    'backstage.io/kubernetes-cluster': 'https://evil.example.com',
    'backstage.io/kubernetes-namespace': 'shop',
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'evil-cluster',
      namespace: 'default',
      annotations: {
        'kubernetes.io/api-server': 'https://evil-k8s.example.com',
        'kubernetes.io/auth-provider': 'serviceAccount',
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'team-shop' },
  },
];

const config = {
  aws: {
    mainAccount: {
      accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
      secretAccessKey: 'secret-access-key-canary',
    },
  },
  integrations: {
    github: [
      {
        host: 'ghe.allowed.example.com',
        apiBaseUrl: 'https://ghe.allowed.example.com/api/v3',
        token: 'ghe-token',
      },
    ],
  },
  kubernetes: {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'prod',
            url: 'https://k8s.allowed.example.com',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'k8s-token',
          },
        ],
      },
    ],
  },
  pragmaticGitops: {
    argocd: {
      instances: [
        {
          name: 'prod',
          baseUrl: 'https://argocd.allowed.example.com',
          token: 'argo-token',
        },
      ],
    },
    vault: {
      instances: [
        {
          name: 'prod',
          baseUrl: 'https://vault.allowed.example.com',
          token: 'vault-token',
        },
      ],
    },
    awsSecretsManager: { regions: ['eu-west-1'] },
  },
};

describe('outbound requests go to configured hosts only', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const sent: string[] = [];
  const refused: string[] = [];
  const server = setupServer(
    ...ALLOWED.map(host =>
      http.all(`https://${host}/*`, ({ request }) => {
        sent.push(request.url);
        return HttpResponse.json({ message: 'not found' }, { status: 404 });
      }),
    ),
  );

  beforeAll(() =>
    server.listen({
      // The test's own calls to the backend under test go through.
      onUnhandledRequest(request, print) {
        const { hostname } = new URL(request.url);
        if (hostname === '127.0.0.1' || hostname === 'localhost') return;
        refused.push(request.url);
        print.error();
      },
    }),
  );
  afterAll(() => server.close());

  it('sends nothing to a host the annotations name', async () => {
    const backend = await startSecurityBackend({
      knex: await databases.init('SQLITE_3'),
      entities,
      config,
    });
    const names = entities
      .filter(e => e.kind === 'Component')
      .map(e => e.metadata.name);
    for (const name of names) {
      const ref = `component:default/${name}`;
      // A pending hotfix makes the scan ask the back-port finders too.
      await backend.user().post('/hotfixes', newHotfix({ entityRef: ref }));
      await backend.service().post('/observations', {
        entityRef: ref,
        source: 'ci-agent',
        objects: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web', namespace: 'shop' },
            spec: { replicas: 3 },
          },
        ],
      });
      const res = await backend
        .user()
        .post(`/entities/component/default/${name}/refresh`);
      expect(res.status).toBeLessThan(500);
    }

    expect(refused).toEqual([]);
    for (const url of sent) {
      expect(ALLOWED).toContain(new URL(url).hostname);
    }
    // The configured upstreams were asked: msw did see the traffic.
    const asked = new Set(sent.map(url => new URL(url).hostname));
    expect([...asked]).toEqual(
      expect.arrayContaining([
        'argocd.allowed.example.com',
        'vault.allowed.example.com',
        'k8s.allowed.example.com',
      ]),
    );
    // eslint-disable-next-line no-console
    console.log(
      `outbound: ${sent.length} requests, all to configured hosts (${[
        ...asked,
      ].join(', ')}); ${refused.length} to other hosts`,
    );
  });
});
