import { computeDrift } from '../engine/computeDrift';
import { KubeObject } from '../engine/types';
import { driftInput, summarize } from '../engine/__fixtures__/harness';
import { redactObject } from './redactSecrets';
import { testDigest } from './__testUtils__/testDigest';

const redact = (object: KubeObject) => redactObject(object, testDigest);

const B64 = Buffer.from('s3cr3t').toString('base64');

function secret(
  payload: Record<string, unknown>,
  options: { live?: boolean } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'db',
      namespace: 'shop',
      ...(options.live ? { uid: 'u1' } : {}),
    },
    type: 'Opaque',
    ...payload,
  };
}

describe('Secret data: null, empty and absent are equal after redaction', () => {
  // The scanner compares redacted objects (values replaced by digests).
  it.each([
    ['empty string vs absent', { token: '' }, {}],
    ['null vs absent', { token: null }, {}],
    ['null vs empty string', { token: null }, { token: '' }],
  ])('%s → in sync', (_title, desiredData, liveData) => {
    const result = computeDrift(
      driftInput({
        desired: [redact(secret({ data: { password: B64, ...desiredData } }))],
        live: {
          objects: [
            redact(
              secret({ data: { password: B64, ...liveData } }, { live: true }),
            ),
          ],
        },
      }),
    );
    expect(summarize(result).differences).toEqual([]);
  });

  it('a real value against an empty one is still drift', () => {
    const result = computeDrift(
      driftInput({
        desired: [redact(secret({ stringData: { token: 'x' } }))],
        live: {
          objects: [redact(secret({ data: { token: '' } }, { live: true }))],
        },
      }),
    );
    expect(summarize(result).differences).toEqual([
      'Secret/db /data/token [masked]',
    ]);
  });
});
