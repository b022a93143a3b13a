import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parseManifests } from '../desired/parseManifests';
import { VaultSecretResolver } from '../providers/vault';
import { metadataBody } from '../providers/vault/__fixtures__/vault';
import { CANARY, FILES, TOKEN, VAULT, b64 } from './__fixtures__/canaryFiles';
import { component } from './__fixtures__/manifests';
import { extractSecretRefs } from './extractSecretRefs';
import { findSecretFindings } from './findSecretFindings';

describe('secret references never carry a value (canaries)', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const dataCalls: string[] = [];

  beforeEach(() => {
    dataCalls.length = 0;
    const meta = `${VAULT}/v1/:mount/metadata`;
    server.use(
      http.get(`${VAULT}/v1/:mount/data/*`, ({ request }) => {
        dataCalls.push(request.url);
        return HttpResponse.json({
          data: { data: { password: CANARY.dataEndpoint } },
        });
      }),
      http.get(`${meta}/payments/db`, () =>
        HttpResponse.json(
          metadataBody({ custom_metadata: { note: CANARY.customMetadata } }),
        ),
      ),
      http.get(`${meta}/payments/broken`, () =>
        HttpResponse.json({ errors: [CANARY.errorBody] }, { status: 500 }),
      ),
      http.get(`${meta}/payments/garbage`, () =>
        HttpResponse.text(`oops ${CANARY.garbageBody}`),
      ),
      http.get(`${meta}/payments/gone`, () =>
        HttpResponse.json({ errors: [CANARY.errorBody] }, { status: 404 }),
      ),
      http.get(`${meta}/payments/cfg`, () =>
        HttpResponse.json(
          metadataBody({ custom_metadata: { x: CANARY.customMetadata } }),
        ),
      ),
    );
  });

  it('keeps every canary out of refs, findings and logs', async () => {
    const logger = mockServices.logger.mock();
    const parsed = parseManifests(FILES);
    const entity = component({
      'pragmatic-gitops.io/secret-refs': 'vault:secret/payments/db#password',
    });
    const refs = extractSecretRefs({ entity, desired: parsed.objects });
    const resolver = VaultSecretResolver.fromConfig(
      new ConfigReader({
        pragmaticGitops: {
          vault: {
            instances: [{ name: 'prod', baseUrl: VAULT, token: TOKEN }],
          },
        },
      }),
      { logger },
    );
    const resolved = await resolver.resolveAll(refs);
    const findings = findSecretFindings({
      ...parsed,
      desired: parsed.objects,
      refs: resolved,
    });

    // The pipeline did its work: every kind of place was visited.
    expect(parsed.encryptedFiles).toEqual([
      expect.objectContaining({
        path: 'apps/payments/creds.sops.yaml',
        kind: 'sops',
      }),
      expect.objectContaining({
        path: 'apps/payments/partial.yaml',
        kind: 'sops',
      }),
    ]);
    expect(new Set(resolved.map(r => r.via))).toEqual(
      new Set([
        'external-secret',
        'kubernetes-secret',
        'csi-secret-provider',
        'vault-agent',
        'annotation',
      ]),
    );
    expect(resolved.map(r => r.resolution.status).sort()).toEqual(
      [
        'error',
        'error',
        'exists',
        'exists',
        'exists',
        'exists',
        'exists',
        'exists',
        'missing',
        'missing',
      ].sort(),
    );
    expect(
      findings.map(f => `${f.severity}:${f.code}:${f.location}`).sort(),
    ).toEqual(
      [
        'critical:plaintext-secret-in-git:apps/payments/secret.yaml',
        'warning:encrypted-secret-in-git:apps/payments/sealed.yaml',
        'warning:encrypted-secret-in-git:apps/payments/creds.sops.yaml',
        'warning:encrypted-secret-in-git:apps/payments/partial.yaml',
        'warning:invalid-secret-provider-class:apps/payments/spc.yaml',
        'warning:unresolved-secret-ref:apps/payments/deployment.yaml',
        'warning:unresolved-secret-ref:apps/payments/external-secret.yaml',
      ].sort(),
    );
    expect(logger.warn).toHaveBeenCalled();
    expect(dataCalls).toEqual([]);

    const logged = Object.values(logger).flatMap(fn =>
      jest.isMockFunction(fn) ? fn.mock.calls : [],
    );
    const output = JSON.stringify({
      refs,
      resolved,
      findings,
      logged,
      parsedFindings: parsed.findings,
    });
    for (const [place, canary] of Object.entries(CANARY)) {
      expect({ place, leaked: output.includes(canary) }).toEqual({
        place,
        leaked: false,
      });
      expect({ place, leaked: output.includes(b64(canary)) }).toEqual({
        place,
        leaked: false,
      });
    }
    expect(output).not.toContain(TOKEN);
  });
});
