import { deepFreeze } from '../desired/deepFreeze';
import { KubeObject } from '../engine/types';
import { testDigest } from '../observations/__testUtils__/testDigest';
import { RedactedObjects } from './RedactedObjects';

const secret = (value: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db' },
  stringData: { password: value },
});

const passwordOf = (object: KubeObject) =>
  JSON.stringify((object as any).stringData ?? (object as any).data);

describe('RedactedObjects', () => {
  it('replaces secret values by their digest, and answers the same frozen object with the same redaction', () => {
    const redacted = new RedactedObjects(testDigest);
    const parsed = deepFreeze(secret('hunter2'));
    const first = redacted.of(parsed);
    expect(JSON.stringify(first)).not.toContain('hunter2');
    expect(redacted.of(parsed)).toBe(first);
    expect(() => {
      (first.metadata as any).name = 'other';
    }).toThrow(TypeError);
  });

  it('redacts an object that is not frozen again each time, so a change in place shows', () => {
    const redacted = new RedactedObjects(testDigest);
    const object = secret('one') as any;
    const before = passwordOf(redacted.of(object));
    object.stringData.password = 'two';
    const after = passwordOf(redacted.of(object));
    expect(after).not.toBe(before);
    expect(after).toBe(passwordOf(redacted.of(secret('two'))));
  });

  it('gives each frozen object its own redaction', () => {
    const redacted = new RedactedObjects(testDigest);
    const a = redacted.of(deepFreeze(secret('one')));
    const b = redacted.of(deepFreeze(secret('two')));
    expect(passwordOf(b)).not.toBe(passwordOf(a));
    expect(passwordOf(a)).toBe(passwordOf(redacted.of(secret('one'))));
  });
});
