import {
  component,
  container,
  plaintextSecret,
  sealedSecret,
  secretKeyRefEnv,
  workload,
} from './__fixtures__/manifests';
import { extractSecretRefs } from './extractSecretRefs';
import { findSecretFindings } from './findSecretFindings';
import { SecretRef } from './types';

const vaultRef = (
  resolution: SecretRef['resolution'],
  via: SecretRef['via'] = 'external-secret',
): SecretRef => ({
  store: { kind: 'vault', name: 'prod' },
  key: 'kv/payments/db',
  property: 'password',
  via,
  ...(via === 'external-secret'
    ? { declaredBy: { kind: 'ExternalSecret', name: 'payments-db' } }
    : {}),
  usedBy: [{ kind: 'Deployment', name: 'api', container: 'api' }],
  resolution,
});

describe('findSecretFindings', () => {
  it('flags plaintext Secrets in Git as critical, located by file when known', () => {
    const desired = [
      plaintextSecret('db', { password: 'cGFzcw==', user: 'dXNlcg==' }),
      plaintextSecret('api', {}, { token: 'plain' }),
      plaintextSecret('empty'),
    ];
    const findings = findSecretFindings({
      desired,
      objectFiles: ['apps/payments/secret.yaml'],
      refs: [],
    });
    expect(findings).toEqual([
      {
        severity: 'critical',
        code: 'plaintext-secret-in-git',
        message: expect.stringMatching(
          /^Secret\/db in apps\/payments\/secret\.yaml holds 2 plaintext values committed to Git\./,
        ),
        location: 'apps/payments/secret.yaml',
      },
      {
        severity: 'critical',
        code: 'plaintext-secret-in-git',
        message: expect.stringMatching(
          /^Secret\/api holds 1 plaintext value committed/,
        ),
        location: 'Secret/api',
      },
    ]);
  });

  it('flags SealedSecrets and SOPS files as encrypted secrets in Git (warning)', () => {
    const desired = [
      sealedSecret('db', { password: 'AgBy3i4OJSWK+PiTySYZZA==' }),
      sealedSecret('nothing-sealed', {}),
      // A Secret whose every value is a SOPS payload (e.g. pushed by a provider).
      plaintextSecret('sops-inline', {
        password: 'ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]',
      }),
    ];
    const findings = findSecretFindings({
      desired,
      objectFiles: ['sealed.yaml', 'sealed.yaml', 'inline.sops.yaml'],
      encryptedFiles: [{ path: 'secrets.enc.yaml', kind: 'sops' }],
      sopsFiles: ['secrets.enc.yaml', 'other.sops.json'],
      refs: [],
    });
    expect(findings.map(f => [f.severity, f.code, f.location])).toEqual([
      ['warning', 'encrypted-secret-in-git', 'sealed.yaml'],
      ['warning', 'encrypted-secret-in-git', 'inline.sops.yaml'],
      ['warning', 'encrypted-secret-in-git', 'other.sops.json'],
      ['warning', 'encrypted-secret-in-git', 'secrets.enc.yaml'],
    ]);
    expect(findings[0].message).toMatch(
      /^SealedSecret\/db in sealed\.yaml stores 1 encrypted value in Git/,
    );
    expect(findings[3].message).toMatch(
      /^secrets\.enc\.yaml is SOPS-encrypted/,
    );
  });

  it('reports a Kubernetes Secret nothing in Git produces, at the workload file', () => {
    const desired = [
      workload('Deployment', 'api', {
        containers: [
          container('api', {
            env: [secretKeyRefEnv('PW', 'legacy-creds', 'password')],
          }),
        ],
      }),
    ];
    const refs = extractSecretRefs({ entity: component(), desired });
    expect(
      findSecretFindings({ desired, objectFiles: ['deploy.yaml'], refs }),
    ).toEqual([
      {
        severity: 'warning',
        code: 'unresolved-secret-ref',
        message: expect.stringMatching(
          /^Secret 'legacy-creds' key 'password' used by Deployment\/api \(container api\) is not produced by anything in Git/,
        ),
        location: 'deploy.yaml',
      },
    ]);
  });

  it('reports references the store says are missing, and nothing for other statuses', () => {
    const findings = findSecretFindings({
      desired: [],
      refs: [
        vaultRef({
          status: 'missing',
          reason: "not found in Vault instance 'prod'",
        }),
        vaultRef({ status: 'missing' }, 'annotation'),
        vaultRef({ status: 'exists', version: 3 }),
        vaultRef({ status: 'unchecked' }),
        vaultRef({ status: 'error', reason: 'down' }),
      ],
    });
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'unresolved-secret-ref',
        message:
          "vault store 'prod' has no secret at 'kv/payments/db' key 'password' (referenced by ExternalSecret/payments-db) used by Deployment/api (container api): not found in Vault instance 'prod'.",
        location: 'ExternalSecret/payments-db',
      },
      expect.objectContaining({
        code: 'unresolved-secret-ref',
        location: 'pragmatic-gitops.io/secret-refs',
      }),
    ]);
  });

  it('locates a missing vault.io/secrets-path folder at that annotation', () => {
    const [finding] = findSecretFindings({
      desired: [],
      refs: [
        {
          store: { kind: 'vault' },
          key: 'kv/payments/',
          via: 'annotation',
          usedBy: [{ kind: 'Component', name: 'payments' }],
          resolution: { status: 'missing' },
        },
      ],
    });
    expect(finding.location).toBe('vault.io/secrets-path');
  });

  it('gives nothing for a clean source', () => {
    expect(
      findSecretFindings({
        desired: [
          workload('Deployment', 'api', { containers: [container('api')] }),
        ],
        refs: [],
      }),
    ).toEqual([]);
  });
});
