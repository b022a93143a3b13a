import { keyedSecretDigest } from '../secretDigest';

/** The keyed digest under a fixed test key. */
export const testDigest = keyedSecretDigest(
  Buffer.from('a test key that is 32+ characters long'),
);
