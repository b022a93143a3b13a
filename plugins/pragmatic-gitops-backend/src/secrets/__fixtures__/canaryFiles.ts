import { SourceFile } from '../../desired/parseManifests';

/** One unique canary per place a secret value can appear. */
export const CANARY = {
  data: 'canary-plaintext-data-5f3a91',
  stringData: 'canary-string-data-7b20c4',
  lastApplied: 'canary-last-applied-e1d7aa',
  env: 'canary-env-value-0c9e5d',
  sops: 'canary-sops-payload-91ab3f',
  sopsInline: 'canary-sops-inline-4d2e18',
  sealed: 'canary-sealed-payload-2f7c60',
  spcLiteral: 'canary-spc-literal-8e4b1d',
  spcMalformed: 'canary-spc-malformed-6a0f93',
  esoTemplate: 'canary-eso-template-3c5d72',
  agentTemplate: 'canary-agent-template-b8e120',
  customMetadata: 'canary-vault-custom-metadata-d4f6a2',
  dataEndpoint: 'canary-vault-data-endpoint-17c9e3',
  errorBody: 'canary-vault-error-body-a93b05',
  garbageBody: 'canary-vault-garbage-body-5e81d4',
};
export const b64 = (value: string) =>
  Buffer.from(value, 'utf8').toString('base64');

export const VAULT = 'https://vault.example.com:8200';
export const TOKEN = 'hvs.canary-token-0f3e2d';

/** A source tree with a canary in every place a secret value can be. */
export const FILES: SourceFile[] = [
  {
    path: 'apps/payments/secret.yaml',
    content: `apiVersion: v1
kind: Secret
metadata:
  name: payments-legacy
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"Secret","data":{"token":"${b64(
      CANARY.lastApplied,
    )}"}}'
type: Opaque
data:
  password: ${b64(CANARY.data)}
stringData:
  api-key: ${CANARY.stringData}
`,
  },
  {
    path: 'apps/payments/deployment.yaml',
    content: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    metadata:
      annotations:
        vault.hashicorp.com/agent-inject: "true"
        vault.hashicorp.com/agent-inject-secret-cfg: secret/data/payments/cfg
        vault.hashicorp.com/agent-inject-template-cfg: 'export KEY=${CANARY.agentTemplate}'
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
          env:
            - name: LEGACY_PASSWORD
              value: ${CANARY.env}
              valueFrom: { secretKeyRef: { name: payments-legacy, key: password } }
            - name: DB_PASSWORD
              valueFrom: { secretKeyRef: { name: payments-db, key: password } }
            - name: MISSING
              valueFrom: { secretKeyRef: { name: nowhere, key: token } }
          envFrom:
            - secretRef: { name: payments-sealed }
          volumeMounts: [{ name: store, mountPath: /mnt/secrets }]
      volumes:
        - name: store
          csi:
            driver: secrets-store.csi.k8s.io
            volumeAttributes: { secretProviderClass: payments-vault }
`,
  },
  {
    path: 'apps/payments/external-secret.yaml',
    content: `apiVersion: external-secrets.io/v1beta1
kind: SecretStore
metadata: { name: vault-backend }
spec:
  provider:
    vault: { server: "${VAULT}", path: secret, version: v2 }
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: { name: payments-db }
spec:
  secretStoreRef: { name: vault-backend, kind: SecretStore }
  target:
    template:
      data:
        dsn: "postgres://app:${CANARY.esoTemplate}@db/payments"
  data:
    - secretKey: password
      remoteRef: { key: payments/db, property: password }
    - secretKey: broken
      remoteRef: { key: payments/broken }
    - secretKey: garbage
      remoteRef: { key: payments/garbage }
    - secretKey: gone
      remoteRef: { key: payments/gone }
`,
  },
  {
    path: 'apps/payments/sealed.yaml',
    content: `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: { name: payments-sealed }
spec:
  encryptedData:
    token: ${CANARY.sealed}
`,
  },
  {
    path: 'apps/payments/spc.yaml',
    content: `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata: { name: payments-vault }
spec:
  provider: vault
  parameters:
    vaultAddress: ${VAULT}
    vaultCACert: ${CANARY.spcLiteral}
    objects: |
      - objectName: cfg
        secretPath: kv/data/payments/cfg
        secretKey: api
        secretValue: ${CANARY.spcLiteral}
---
apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata: { name: payments-broken }
spec:
  provider: vault
  parameters:
    objects: |
      - objectName: [${CANARY.spcMalformed}
        secretPath: {
`,
  },
  {
    path: 'apps/payments/creds.sops.yaml',
    content: `apiVersion: v1
kind: Secret
metadata: { name: payments-sops }
data:
  password: ENC[AES256_GCM,data:${CANARY.sops},iv:3N0w=,tag:Yx1w==,type:str]
sops:
  age:
    - recipient: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq
      enc: ${CANARY.sops}
  mac: ENC[AES256_GCM,data:${CANARY.sops},type:str]
  version: 3.8.1
`,
  },
  {
    path: 'apps/payments/partial.yaml',
    content: `apiVersion: v1
kind: ConfigMap
metadata: { name: partially-encrypted }
data:
  token: ENC[AES256_GCM,data:${CANARY.sopsInline},type:str]
`,
  },
];
