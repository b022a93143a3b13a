import { computeDrift } from './computeDrift';
import { KubeObject } from './types';
import { driftInput, summarize } from './__fixtures__/harness';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const B64 = Buffer.from('s3cr3t').toString('base64');

function secret(
  payload: Record<string, unknown>,
  options: { live?: boolean; lastApplied?: Record<string, unknown> } = {},
): KubeObject {
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop' },
    type: 'Opaque',
    ...payload,
  };
  if (options.live) {
    object.metadata.uid = 'u1';
  }
  if (options.lastApplied) {
    object.metadata.annotations = {
      [LAST_APPLIED]: JSON.stringify(secret(options.lastApplied)),
    };
  }
  return object;
}

/**
 * Rule: in a Secret's `data`/`stringData`, a key whose value is null, empty
 * or absent compares equal on both sides (the API server and Helm write an
 * empty value differently); a real value against any of them is drift.
 */
describe('Secret data: null, empty and absent are equal', () => {
  const empties: Array<[string, Record<string, unknown>]> = [
    ['absent key', { data: { password: B64 } }],
    ['empty string', { data: { password: B64, token: '' } }],
    ['null', { data: { password: B64, token: null } }],
    [
      'empty in stringData',
      { data: { password: B64 }, stringData: { token: '' } },
    ],
    [
      'null in stringData',
      { data: { password: B64 }, stringData: { token: null } },
    ],
  ];
  const sides = empties.flatMap(([desiredName, desired]) =>
    empties.map(([liveName, live]) => ({
      title: `Git: ${desiredName}, live: ${liveName}`,
      desired,
      live,
    })),
  );

  it.each(sides)('$title → in sync', ({ desired, live }) => {
    const result = computeDrift(
      driftInput({
        desired: [secret(desired)],
        live: { objects: [secret(live, { live: true })] },
      }),
    );
    expect(summarize(result).differences).toEqual([]);
  });

  it.each(sides)(
    '$title, with last-applied holding the empty key → in sync',
    ({ desired, live }) => {
      const result = computeDrift(
        driftInput({
          desired: [secret(desired)],
          live: {
            objects: [
              secret(live, {
                live: true,
                lastApplied: { data: { password: B64, token: '' } },
              }),
            ],
          },
        }),
      );
      expect(summarize(result).differences).toEqual([]);
    },
  );

  it.each([
    ['Git has a value, live has none', { token: B64 }, {}, '/data/token'],
    [
      'Git has a value, live empty',
      { token: B64 },
      { token: '' },
      '/data/token',
    ],
    [
      'Git has a value, live null',
      { token: B64 },
      { token: null },
      '/data/token',
    ],
  ])('%s → drift, masked', (_title, desiredData, liveData, path) => {
    const result = computeDrift(
      driftInput({
        desired: [secret({ data: { password: B64, ...desiredData } })],
        live: {
          objects: [
            secret({ data: { password: B64, ...liveData } }, { live: true }),
          ],
        },
      }),
    );
    expect(summarize(result).differences).toEqual([
      `Secret/db ${path} [masked]`,
    ]);
  });

  it('a value removed from Git and now empty live is not drift; still set live it is', () => {
    const lastApplied = { data: { password: B64, token: B64 } };
    const run = (liveToken: unknown) =>
      summarize(
        computeDrift(
          driftInput({
            desired: [secret({ data: { password: B64 } })],
            live: {
              objects: [
                secret(
                  { data: { password: B64, token: liveToken } },
                  { live: true, lastApplied },
                ),
              ],
            },
          }),
        ),
      ).differences;
    expect(run('')).toEqual([]);
    expect(run(null)).toEqual([]);
    expect(run(B64)).toEqual([
      'Secret/db /data/token (last-applied-configuration) [masked]',
    ]);
  });
});
