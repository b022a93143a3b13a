import { ConfigReader } from '@backstage/config';
import { delay, http, HttpResponse } from 'msw';
import {
  EU,
  EU_TOKEN,
  InstanceInput,
  PROD,
  PROD_TOKEN,
  metadataBody,
  vaultRef,
} from './__fixtures__/vault';
import { makeResolver, useVaultServer } from './__testUtils__/vaultServer';
import { VaultSecretResolver } from './VaultSecretResolver';

const prod: InstanceInput = { name: 'prod', baseUrl: PROD, token: PROD_TOKEN };
const eu: InstanceInput = {
  name: 'eu',
  baseUrl: EU,
  token: EU_TOKEN,
  kvMounts: ['teams/payments/kv'],
  namespace: 'payments',
};

describe('VaultSecretResolver: instances, endpoints and limits', () => {
  const { server, seen } = useVaultServer();

  it('chooses instances by store name, splits keys with each kvMounts, sends each token to its own host only', async () => {
    const { resolver } = makeResolver([prod, eu]);
    const refs = await resolver.resolveAll([
      vaultRef('teams/payments/kv/data/api', {
        store: { kind: 'vault', name: 'eu' },
        via: 'annotation',
      }),
      vaultRef('kv/payments/db', { store: { kind: 'vault', name: 'prod' } }),
      vaultRef('secret/payments/db', {
        store: { kind: 'vault', name: 'vault-backend' },
      }),
      vaultRef('secret/payments/db'),
      vaultRef('secret/payments/db', {
        store: { kind: 'vault', name: 'staging' },
        via: 'annotation',
      }),
      vaultRef('kv/payments/db', { store: { kind: 'vault', name: 'eu' } }),
    ]);
    expect(refs.map(r => r.resolution)).toEqual([
      { status: 'exists', version: 7, updatedAt: expect.any(String) },
      { status: 'exists', version: 1, updatedAt: expect.any(String) },
      {
        status: 'unchecked',
        reason:
          "no Vault instance named 'vault-backend' is configured (pragmaticGitops.vault.instances)",
      },
      {
        status: 'unchecked',
        reason:
          'several Vault instances are configured and the reference names none',
      },
      {
        status: 'unchecked',
        reason:
          "no Vault instance named 'staging' is configured (pragmaticGitops.vault.instances)",
      },
      {
        status: 'unchecked',
        reason:
          "'kv/payments/db' is not under a KV version 2 mount of Vault instance 'eu' (kvMounts: teams/payments/kv)",
      },
    ]);
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      const expectedToken = request.url.startsWith(EU) ? EU_TOKEN : PROD_TOKEN;
      expect(request.token).toBe(expectedToken);
      expect(request.namespace).toBe(
        request.url.startsWith(EU) ? 'payments' : null,
      );
    }
  });

  it('uses the only instance for a store object name, but not for an annotation naming another instance', async () => {
    const { resolver } = makeResolver([prod]);
    const refs = await resolver.resolveAll([
      vaultRef('secret/payments/db', {
        store: { kind: 'vault', name: 'vault-backend' },
      }),
      vaultRef('secret/payments/db', {
        store: { kind: 'vault', name: 'eu' },
        via: 'annotation',
      }),
    ]);
    expect(refs.map(r => r.resolution.status)).toEqual(['exists', 'unchecked']);
  });

  it('never calls a /data/ endpoint, whatever the key', async () => {
    const { resolver } = makeResolver([prod]);
    await resolver.resolveAll([
      vaultRef('secret/data/payments/db'),
      vaultRef('secret/data/data/payments/db'),
      vaultRef('secret/payments/data/db'),
      vaultRef('secret/data/team/'),
    ]);
    expect(seen.length).toBeGreaterThan(0);
    for (const { url } of seen) {
      expect(new URL(url).pathname).toMatch(/^\/v1\/secret\/metadata\//);
    }
  });

  it('leaves other stores, searches and unsplittable keys unchecked, without requests', async () => {
    const { resolver } = makeResolver([prod]);
    const aws = vaultRef('prod/db', { store: { kind: 'aws-secrets-manager' } });
    const refs = await resolver.resolveAll([
      aws,
      vaultRef('^payments-.*', { via: 'external-secret-find' }),
      vaultRef('database/creds/payments-ro', { via: 'vault-agent' }),
    ]);
    expect(refs[0]).toBe(aws);
    expect(refs.slice(1).map(r => r.resolution.status)).toEqual([
      'unchecked',
      'unchecked',
    ]);
    expect(refs[2].resolution.reason).toMatch(
      /not under a KV version 2 mount of Vault instance 'prod' \(kvMounts: secret, kv\)/,
    );
    expect(seen).toEqual([]);
  });

  it('leaves Vault refs unchecked when no instance is configured', async () => {
    const resolver = VaultSecretResolver.fromConfig(new ConfigReader({}));
    const [ref] = await resolver.resolveAll([vaultRef('secret/payments/db')]);
    expect(ref.resolution).toEqual({
      status: 'unchecked',
      reason:
        'no Vault instance is configured (pragmaticGitops.vault.instances)',
    });
  });

  it('dedupes identical lookups within one call and bounds concurrency', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    server.use(
      http.get(`${PROD}/v1/secret/metadata/many/:n`, async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await delay(20);
        inFlight -= 1;
        return HttpResponse.json(metadataBody());
      }),
    );
    const { resolver } = makeResolver([prod], 2);
    const keys = ['a', 'b', 'c', 'd', 'e', 'a', 'a', 'b'].map(
      n => `secret/many/${n}`,
    );
    const refs = await resolver.resolveAll(keys.map(key => vaultRef(key)));
    expect(refs.every(r => r.resolution.status === 'exists')).toBe(true);
    expect(seen).toHaveLength(5);
    expect(maxInFlight).toBe(2);
  });

  it('never throws nor mutates its input, even for a malformed ref', async () => {
    const { resolver } = makeResolver([prod]);
    const input = [
      vaultRef('secret/payments/db'),
      vaultRef(undefined as unknown as string),
    ];
    const snapshot = JSON.stringify(input);
    const refs = await resolver.resolveAll(input);
    expect(refs.map(r => r.resolution.status)).toEqual(['exists', 'error']);
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('logs failures by instance and path, never the token', async () => {
    const { resolver, logger } = makeResolver([prod]);
    await resolver.resolveAll([
      vaultRef('secret/forbidden'),
      vaultRef('secret/forbidden'),
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        "secret/forbidden: Vault instance 'prod': permission denied",
      ),
    );
    expect(JSON.stringify((logger.warn as jest.Mock).mock.calls)).not.toContain(
      PROD_TOKEN,
    );
  });
});
