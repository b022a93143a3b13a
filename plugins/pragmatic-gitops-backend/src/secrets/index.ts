export { extractSecretRefs, NOT_PRODUCED_REASON } from './extractSecretRefs';
export { findSecretFindings } from './findSecretFindings';
export type { SecretFindingsInput } from './findSecretFindings';
export { isSopsDocument, isSopsValue } from './sops';
export type {
  EncryptedFile,
  SecretRef,
  SecretRefVia,
  SecretResolution,
  SecretResolutionStatus,
  SecretStoreRef,
  SecretUsage,
} from './types';
