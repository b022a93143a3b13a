/**
 * Secret references: WHERE a service's secrets live and who uses them, never
 * what they are. Nothing in these types ever holds a secret value.
 */
import { SecretRefResolution } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { KubeObject } from '../engine/types';

/**
 * The store a secret is held in. `kind` is `vault`, `aws-secrets-manager`,
 * `aws-parameter-store`, `gcp-secret-manager`, `azure-key-vault`,
 * `kubernetes`, `sealed-secrets`, `sops`, another External Secrets provider name, or
 * `unknown` (a store referenced but not declared in Git). `name` is the
 * store object's name (External Secrets), the Key Vault name (Azure CSI) or
 * a configured instance name (annotation `vault/prod:…`).
 */
export type SecretStoreRef = { kind: string; name?: string };

/** How the reference was found. */
export type SecretRefVia =
  | 'external-secret'
  | 'external-secret-find'
  | 'csi-secret-provider'
  | 'vault-agent'
  | 'kubernetes-secret'
  | 'annotation';

/** A workload (or, for annotations, the catalog entity) that uses the secret. */
export type SecretUsage = { kind: string; name: string; container?: string };

/** What the store said about the reference: metadata only, never data. */
export type SecretResolution = SecretRefResolution;
export type SecretResolutionStatus = SecretResolution['status'];

export type SecretRef = {
  store: SecretStoreRef;
  /** Path, name or ARN of the secret in its store (Kubernetes: the Secret name). */
  key: string;
  /** One field of the secret (Kubernetes: the key in the Secret). */
  property?: string;
  /** A pinned version, when the reference pins one. */
  version?: string;
  via: SecretRefVia;
  /** The object in Git that declares the reference, e.g. ExternalSecret/payments-db. */
  declaredBy?: { kind: string; name: string };
  usedBy: SecretUsage[];
  resolution: SecretResolution;
};

/** A file of the source that holds secrets encrypted in place. */
export type EncryptedFile = {
  path: string;
  kind: 'sops';
  /**
   * The objects it holds, identity only (SOPS leaves apiVersion, kind and
   * metadata in clear): what they produce is produced by Git.
   */
  objects?: KubeObject[];
};
