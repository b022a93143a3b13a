/**
 * What produces a Kubernetes Secret in Git: one table, one row per kind of
 * producer the scanner recognises. A workload that uses a Secret one of
 * these produces gets no `unresolved-secret-ref`; whether the producer is
 * itself a finding (plaintext, encrypted in Git) is decided elsewhere
 * (findSecretFindings).
 */
import { KubeObject } from '../engine/types';
import { isRecord, records, str } from './podTemplates';
import { apiGroup } from './secretStores';

export type SecretProducer = {
  /** Shown to users: `SealedSecret`, `Secret encrypted with SOPS`, … */
  name: string;
  /** The object is one of these producers. */
  matches(object: KubeObject, encrypted: boolean): boolean;
  /** The Secrets one object produces. */
  produces(object: KubeObject): string[];
  /**
   * How a workload's use resolves: `git` when the value is in Git
   * (plaintext or encrypted), `store` when the object fetches it from a
   * secret store (its own references carry the workload as a user).
   */
  source: 'git' | 'store';
  /** Store kind of the reference a `git` producer gives. */
  storeKind?: string;
  /** Why the reference resolves, for a `git` producer. */
  reason?(object: KubeObject): string;
};

const spec = (object: KubeObject) => (isRecord(object.spec) ? object.spec : {});

const isCoreSecret = (object: KubeObject) =>
  object.kind === 'Secret' && object.apiVersion === 'v1';

export const SECRET_PRODUCERS: readonly SecretProducer[] = [
  {
    name: 'Secret',
    matches: (object, encrypted) => isCoreSecret(object) && !encrypted,
    produces: object => [object.metadata.name],
    source: 'git',
    storeKind: 'kubernetes',
    reason: object => `declared in Git as Secret/${object.metadata.name}`,
  },
  {
    name: 'Secret encrypted with SOPS',
    matches: (object, encrypted) => isCoreSecret(object) && encrypted,
    produces: object => [object.metadata.name],
    source: 'git',
    storeKind: 'sops',
    reason: object =>
      `encrypted in Git with SOPS as Secret/${object.metadata.name}`,
  },
  {
    name: 'SealedSecret',
    matches: object =>
      object.kind === 'SealedSecret' && apiGroup(object) === 'bitnami.com',
    produces: object => {
      const template = isRecord(spec(object).template)
        ? (spec(object).template as Record<string, unknown>)
        : {};
      const metadata = isRecord(template.metadata) ? template.metadata : {};
      return [str(metadata.name) ?? object.metadata.name];
    },
    source: 'git',
    storeKind: 'sealed-secrets',
    reason: object =>
      `encrypted in Git as SealedSecret/${object.metadata.name}`,
  },
  {
    name: 'cert-manager Certificate',
    matches: object =>
      object.kind === 'Certificate' && apiGroup(object) === 'cert-manager.io',
    produces: object => {
      const name = str(spec(object).secretName);
      return name ? [name] : [];
    },
    source: 'git',
    storeKind: 'kubernetes',
    reason: object => `declared in Git as Certificate/${object.metadata.name}`,
  },
  {
    name: 'ExternalSecret',
    matches: object =>
      object.kind === 'ExternalSecret' &&
      apiGroup(object) === 'external-secrets.io',
    produces: object => {
      const target = spec(object).target;
      return [(isRecord(target) && str(target.name)) || object.metadata.name];
    },
    source: 'store',
  },
  {
    name: 'SecretProviderClass (secretObjects)',
    matches: object =>
      object.kind === 'SecretProviderClass' &&
      apiGroup(object) === 'secrets-store.csi.x-k8s.io',
    produces: object =>
      records(spec(object).secretObjects).flatMap(
        secretObject => str(secretObject.secretName) ?? [],
      ),
    source: 'store',
  },
];

/** The producer row of an object, if it produces Secrets. */
export function producerOf(
  object: KubeObject,
  encrypted = false,
): SecretProducer | undefined {
  return SECRET_PRODUCERS.find(row => row.matches(object, encrypted));
}

/** The Secrets an object produces (none when it is no producer). */
export function producedSecrets(object: KubeObject, encrypted = false) {
  return producerOf(object, encrypted)?.produces(object) ?? [];
}
