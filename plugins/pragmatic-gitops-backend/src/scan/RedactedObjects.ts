import { deepFreeze } from '../desired/deepFreeze';
import { KubeObject } from '../engine/types';
import { redactObject } from '../observations/redactSecrets';
import { SecretDigest } from '../observations/secretDigest';

/**
 * Objects with secret values replaced by their digests. Parsed manifests
 * and stored observations are cached and frozen, so the same frozen object
 * comes back while its file or payload is unchanged: its redaction is kept
 * beside it (the digest key does not change while the backend runs) instead
 * of being redone on every push and scan. Objects that are not frozen could
 * change and are redacted every time.
 */
export class RedactedObjects {
  private readonly redacted = new WeakMap<KubeObject, KubeObject>();

  constructor(private readonly digest: SecretDigest) {}

  readonly of = (object: KubeObject): KubeObject => {
    if (!Object.isFrozen(object)) {
      return redactObject(object, this.digest);
    }
    let redacted = this.redacted.get(object);
    if (!redacted) {
      // Shared from now on: nobody may change it.
      redacted = deepFreeze(redactObject(object, this.digest));
      this.redacted.set(object, redacted);
    }
    return redacted;
  };
}
