import { Entity } from '@backstage/catalog-model';
import { parseManifests } from '../desired/parseManifests';
import { extractSecretRefs } from './extractSecretRefs';
import { findSecretFindings } from './findSecretFindings';
import { SECRET_PRODUCERS } from './secretProducers';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments' },
};

/** A workload that reads key `password` of Secret `app-creds`. */
const WORKLOAD = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1
          env:
            - name: DB_PASSWORD
              valueFrom: { secretKeyRef: { name: app-creds, key: password } }
`;

type Case = {
  producer: string;
  file: string;
  content: string;
  /** Findings about the producer itself that must stay. */
  findings: string[];
};

/**
 * Rule: a Secret that something in Git produces is produced by Git; the
 * workload using it gets no `unresolved-secret-ref`. One case per row of
 * SECRET_PRODUCERS.
 */
const cases: Case[] = [
  {
    producer: 'Secret',
    file: 'secret.yaml',
    content:
      'apiVersion: v1\nkind: Secret\nmetadata: { name: app-creds }\nstringData: { password: hunter2 }\n',
    findings: ['critical plaintext-secret-in-git'],
  },
  {
    producer: 'Secret encrypted with SOPS',
    file: 'app-creds.sops.yaml',
    content: `apiVersion: v1
kind: Secret
metadata: { name: app-creds }
data:
  password: ENC[AES256_GCM,data:Zm9v,iv:YmFy,tag:YmF6,type:str]
sops:
  age: [{ recipient: age1qqq }]
  version: 3.8.1
`,
    findings: ['warning encrypted-secret-in-git'],
  },
  {
    producer: 'SealedSecret',
    file: 'sealed.yaml',
    content: `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: { name: sealed-app-creds }
spec:
  encryptedData: { password: AgBy3i4OJSWK+PiTySYZZA== }
  template:
    metadata: { name: app-creds }
`,
    findings: ['warning encrypted-secret-in-git'],
  },
  {
    producer: 'cert-manager Certificate',
    file: 'certificate.yaml',
    content: `apiVersion: cert-manager.io/v1
kind: Certificate
metadata: { name: api-tls }
spec: { secretName: app-creds, issuerRef: { name: letsencrypt } }
`,
    findings: [],
  },
  {
    producer: 'ExternalSecret',
    file: 'external-secret.yaml',
    content: `apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: { name: api-external }
spec:
  secretStoreRef: { name: vault, kind: SecretStore }
  target: { name: app-creds }
  data:
    - secretKey: password
      remoteRef: { key: payments/db, property: password }
---
apiVersion: external-secrets.io/v1beta1
kind: SecretStore
metadata: { name: vault }
spec:
  provider:
    vault: { server: 'https://vault.example.com', path: kv, version: v2 }
`,
    findings: [],
  },
  {
    producer: 'SecretProviderClass (secretObjects)',
    file: 'spc.yaml',
    content: `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata: { name: api-vault }
spec:
  provider: vault
  parameters:
    vaultAddress: https://vault.example.com
    roleName: api
    objects: |
      - objectName: password
        secretPath: kv/data/payments/db
        secretKey: password
  secretObjects:
    - secretName: app-creds
      type: Opaque
      data: [{ objectName: password, key: password }]
`,
    findings: [],
  },
];

function scan(files: Array<{ path: string; content: string }>) {
  const parsed = parseManifests(files);
  const refs = extractSecretRefs({
    entity,
    desired: parsed.objects,
    encryptedFiles: parsed.encryptedFiles,
  });
  const findings = findSecretFindings({
    ...parsed,
    desired: parsed.objects,
    refs,
  });
  return {
    refs,
    findings: findings.map(f => `${f.severity} ${f.code}`),
  };
}

describe('secret producers: a Secret produced by Git is resolved', () => {
  it('covers every row of the table', () => {
    expect(cases.map(c => c.producer)).toEqual(
      SECRET_PRODUCERS.map(row => row.name),
    );
  });

  it.each(cases)(
    '$producer: no unresolved-secret-ref, its own findings stay',
    ({ file, content, findings }) => {
      const result = scan([
        { path: 'deployment.yaml', content: WORKLOAD },
        { path: file, content },
      ]);
      expect(result.findings).toEqual(findings);
      const uses = result.refs.filter(ref =>
        ref.usedBy.some(u => u.kind === 'Deployment' && u.name === 'api'),
      );
      expect(uses.length).toBeGreaterThan(0);
      expect(uses.every(ref => ref.resolution.status !== 'missing')).toBe(true);
    },
  );

  it('nothing produces it: unresolved-secret-ref', () => {
    expect(
      scan([{ path: 'deployment.yaml', content: WORKLOAD }]).findings,
    ).toEqual(['warning unresolved-secret-ref']);
  });

  it('a SOPS file whose metadata is encrypted too produces nothing anyone can name', () => {
    const result = scan([
      { path: 'deployment.yaml', content: WORKLOAD },
      {
        path: 'opaque.sops.yaml',
        content:
          'apiVersion: v1\nkind: Secret\nmetadata:\n  name: ENC[AES256_GCM,data:YQ==,type:str]\nsops: { version: 3.8.1 }\n',
      },
    ]);
    expect(result.findings.sort()).toEqual([
      'warning encrypted-secret-in-git',
      'warning unresolved-secret-ref',
    ]);
  });
});
