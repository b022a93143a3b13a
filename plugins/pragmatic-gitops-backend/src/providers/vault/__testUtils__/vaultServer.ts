import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { VaultSecretResolver } from '../VaultSecretResolver';
import { EU, InstanceInput, PROD, metadataBody } from '../__fixtures__/vault';

export type Seen = {
  url: string;
  token: string | null;
  namespace: string | null;
};

/**
 * An msw server answering the Vault instances of the tests; every request
 * is recorded in `seen` with the Vault headers it carried. Call inside a
 * `describe`.
 */
export function useVaultServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  const seen: Seen[] = [];

  beforeEach(() => {
    seen.length = 0;
    server.events.on('request:start', ({ request }) => {
      seen.push({
        url: request.url,
        token: request.headers.get('x-vault-token'),
        namespace: request.headers.get('x-vault-namespace'),
      });
    });
    server.use(
      http.get('*/data/*', () =>
        HttpResponse.json({ data: { data: { password: 'never-read' } } }),
      ),
      http.get(`${PROD}/v1/secret/metadata/payments/db`, () =>
        HttpResponse.json(metadataBody()),
      ),
      http.get(`${PROD}/v1/kv/metadata/payments/db`, () =>
        HttpResponse.json(metadataBody({ current_version: 1, versions: {} })),
      ),
      http.get(`${EU}/v1/teams/payments/kv/metadata/api`, () =>
        HttpResponse.json(metadataBody({ current_version: 7 })),
      ),
      http.get(
        `${PROD}/v1/secret/metadata/gone`,
        () => new HttpResponse(null, { status: 404 }),
      ),
      http.get(`${PROD}/v1/secret/metadata/deleted`, () =>
        HttpResponse.json(metadataBody({ current_version: 2 })),
      ),
      http.get(`${PROD}/v1/secret/metadata/forbidden`, () =>
        HttpResponse.json({ errors: ['permission denied'] }, { status: 403 }),
      ),
      http.get(`${PROD}/v1/secret/metadata/broken`, () =>
        HttpResponse.json({ errors: ['internal'] }, { status: 500 }),
      ),
      http.get(`${PROD}/v1/secret/metadata/garbage`, () =>
        HttpResponse.text('<html>hello</html>'),
      ),
      http.get(`${PROD}/v1/secret/metadata/shapeless`, () =>
        HttpResponse.json({ data: { current_version: 'three' } }),
      ),
      http.get(`${PROD}/v1/secret/metadata/slow`, async () => {
        await delay('infinite');
        return HttpResponse.json(metadataBody());
      }),
      http.get(
        `${PROD}/v1/secret/metadata/moved`,
        () =>
          new HttpResponse(null, {
            status: 307,
            headers: { Location: 'https://evil.example.com/steal' },
          }),
      ),
      http.get(`${PROD}/v1/secret/metadata/team/`, () =>
        HttpResponse.json({ data: { keys: ['a', 'b/'] } }),
      ),
      http.all('https://evil.example.com/*', () => HttpResponse.json({})),
      http.all('https://dead.example.com/*', () => HttpResponse.error()),
    );
  });
  afterEach(() => server.events.removeAllListeners());

  return { server, seen };
}

export function makeResolver(instances: InstanceInput[], concurrency?: number) {
  const logger = mockServices.logger.mock();
  const config = new ConfigReader({
    pragmaticGitops: {
      vault: { instances: instances.map(i => ({ timeoutMs: 300, ...i })) },
    },
  });
  return {
    resolver: VaultSecretResolver.fromConfig(config, { logger, concurrency }),
    logger,
  };
}
