/** A value encrypted in place by SOPS: `ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]`. */
const SOPS_VALUE = /^ENC\[[A-Z0-9_]+,/;

export function isSopsValue(value: unknown): boolean {
  return typeof value === 'string' && SOPS_VALUE.test(value);
}

/**
 * True when a parsed document is SOPS-encrypted: it carries the top-level
 * `sops:` metadata, or any of its values is an `ENC[…]` payload.
 */
export function isSopsDocument(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  return 'sops' in value || hasSopsValue(value, 0);
}

function hasSopsValue(value: unknown, depth: number): boolean {
  if (isSopsValue(value)) return true;
  if (depth > 32 || !value || typeof value !== 'object') return false;
  return Object.values(value).some(item => hasSopsValue(item, depth + 1));
}
