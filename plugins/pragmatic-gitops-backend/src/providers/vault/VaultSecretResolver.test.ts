import { SecretRef } from '../../secrets/types';
import {
  InstanceInput,
  PROD,
  PROD_TOKEN,
  vaultRef,
} from './__fixtures__/vault';
import { makeResolver, useVaultServer } from './__testUtils__/vaultServer';

const prod: InstanceInput = { name: 'prod', baseUrl: PROD, token: PROD_TOKEN };

describe('VaultSecretResolver: what Vault answers', () => {
  const { seen } = useVaultServer();

  const resolveOne = async (
    instances: InstanceInput[],
    key: string,
    extra: Partial<SecretRef> = {},
  ) => {
    const { resolver } = makeResolver(instances);
    const [ref] = await resolver.resolveAll([vaultRef(key, extra)]);
    return ref.resolution;
  };

  it('reports an existing secret with its current version and last update, from metadata only', async () => {
    expect(await resolveOne([prod], 'secret/data/payments/db')).toEqual({
      status: 'exists',
      version: 3,
      updatedAt: '2024-05-02T14:30:12.123Z',
    });
    expect(seen).toEqual([
      {
        url: `${PROD}/v1/secret/metadata/payments/db`,
        token: PROD_TOKEN,
        namespace: null,
      },
    ]);
  });

  it.each<[string, string, unknown, Partial<SecretRef>?]>([
    [
      '404 as missing',
      'secret/gone',
      { status: 'missing', reason: "not found in Vault instance 'prod'" },
    ],
    [
      '403 as permission denied',
      'secret/forbidden',
      {
        status: 'error',
        reason: expect.stringContaining(
          "Vault instance 'prod': permission denied reading metadata",
        ),
      },
    ],
    [
      '5xx as an error',
      'secret/broken',
      {
        status: 'error',
        reason: expect.stringMatching(
          /^Vault instance 'prod' failed with HTTP 500/,
        ),
      },
    ],
    [
      'a body that is not JSON as an error',
      'secret/garbage',
      {
        status: 'error',
        reason: expect.stringMatching(
          /^Vault instance 'prod' returned an unexpected response/,
        ),
      },
    ],
    [
      'JSON without current_version as an error',
      'secret/shapeless',
      { status: 'error', reason: expect.stringMatching(/unexpected response/) },
    ],
    [
      'a timeout as an error',
      'secret/slow',
      {
        status: 'error',
        reason: expect.stringMatching(
          /^Vault instance 'prod' did not answer within 300 ms/,
        ),
      },
    ],
    [
      'a redirect as an error, not followed',
      'secret/moved',
      {
        status: 'error',
        reason: expect.stringMatching(
          /redirect \(HTTP 307\), which is not followed/,
        ),
      },
    ],
    [
      'a pinned version that does not exist as missing',
      'secret/payments/db',
      {
        status: 'missing',
        version: 3,
        updatedAt: expect.any(String),
        reason: expect.stringMatching(/^version 9 does not exist/),
      },
      { version: '9' },
    ],
    [
      'a pinned destroyed version as missing',
      'secret/payments/db',
      {
        status: 'missing',
        version: 3,
        updatedAt: expect.any(String),
        reason: expect.stringMatching(/^version 1 is deleted or destroyed/),
      },
      { version: '1' },
    ],
    [
      'a deleted current version as missing',
      'secret/deleted',
      {
        status: 'missing',
        version: 2,
        updatedAt: expect.any(String),
        reason: expect.stringMatching(/^the current version \(2\) is deleted/),
      },
    ],
    [
      'a folder (vault.io/secrets-path) through the metadata list',
      'secret/team/',
      { status: 'exists' },
      { via: 'annotation' },
    ],
  ])('reports %s', async (_, key, expected, extra = {}) => {
    expect(await resolveOne([prod], key, extra)).toEqual(expected);
    expect(
      seen.every(s => s.url.startsWith(`${PROD}/v1/secret/metadata/`)),
    ).toBe(true);
    expect(JSON.stringify(expected)).not.toContain(PROD_TOKEN);
  });

  it('reports an unreachable instance as an error naming it', async () => {
    const resolution = await resolveOne(
      [
        {
          name: 'dead',
          baseUrl: 'https://dead.example.com',
          token: PROD_TOKEN,
        },
      ],
      'secret/x',
    );
    expect(resolution).toEqual({
      status: 'error',
      reason: expect.stringMatching(/Vault instance 'dead'/),
    });
  });
});
