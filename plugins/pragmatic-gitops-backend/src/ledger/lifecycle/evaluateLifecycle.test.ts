import { evaluateLifecycle } from './evaluateLifecycle';
import { HotfixEvent, LifecycleHotfix, TouchedState } from './types';

const OBSERVED = new Date('2025-03-04T05:06:07.000Z');
const AT = OBSERVED.toISOString();
const RECORDED = '2025-03-01T00:00:00.000Z';

function hotfix(events: HotfixEvent[] = [], changes = 1): LifecycleHotfix {
  return {
    id: 'HF-12',
    status: 'pending-backport',
    changes: [
      { kind: 'Deployment', name: 'payments', paths: ['/spec/replicas'] },
      { kind: 'ConfigMap', name: 'flags' },
    ].slice(0, changes),
    events: [{ type: 'recorded', at: RECORDED }, ...events],
  };
}

const digests = (live: string[], desired: string[]) => ({
  liveDigests: live,
  desiredDigests: desired,
});
const baseline = (live: string[], desired: string[]): HotfixEvent => ({
  type: 'baseline',
  at: '2025-03-01T00:00:01.000Z',
  detail: digests(live, desired),
});
const observed = (live: string[], desired: string[]): HotfixEvent => ({
  type: 'drift-observed',
  at: '2025-03-02T00:00:00.000Z',
  detail: digests(live, desired),
});

/** found, inSync, live digest, desired digest */
const state = (
  found: boolean,
  inSync: boolean,
  liveDigest: string,
  desiredDigest: string,
): TouchedState => ({ found, inSync, liveDigest, desiredDigest });

const drifting = state(true, false, 'L1', 'D0');
const atBaseline = [baseline(['L1'], ['D0']), observed(['L1'], ['D0'])];

describe('evaluateLifecycle: the rule, one computation at a time', () => {
  it.each([
    {
      title: 'first computation with drift: baseline and drift observed',
      hotfix: hotfix(),
      touched: [drifting],
      expected: [
        { type: 'baseline', at: AT, detail: digests(['L1'], ['D0']) },
        { type: 'drift-observed', at: AT, detail: digests(['L1'], ['D0']) },
      ],
    },
    {
      title:
        'first computation still in sync (change not applied yet): baseline only',
      hotfix: hotfix(),
      touched: [state(true, true, 'L0', 'D0')],
      expected: [{ type: 'baseline', at: AT, detail: digests(['L0'], ['D0']) }],
    },
    {
      title:
        'no live state yet: nothing, the next computation takes the baseline',
      hotfix: hotfix(),
      touched: [state(false, false, 'L?', 'D0')],
      expected: [],
    },
    {
      title: 'baseline taken, change now visible: drift observed',
      hotfix: hotfix([baseline(['L0'], ['D0'])]),
      touched: [drifting],
      expected: [
        { type: 'drift-observed', at: AT, detail: digests(['L1'], ['D0']) },
      ],
    },
    {
      title: 'still drifting: nothing more',
      hotfix: hotfix(atBaseline),
      touched: [drifting],
      expected: [],
    },
    {
      title: 'Git caught up with the hotfixed value: backported',
      hotfix: hotfix(atBaseline),
      touched: [state(true, true, 'L1', 'L1')],
      revision: 'abc123',
      expected: [
        {
          type: 'backported',
          at: AT,
          detail: { via: 'git-match', revision: 'abc123' },
        },
      ],
    },
    {
      title: 'live went back to the old Git value: reverted',
      hotfix: hotfix(atBaseline),
      touched: [state(true, true, 'D0', 'D0')],
      expected: [
        { type: 'reverted', at: AT, detail: { via: 'live-reverted' } },
      ],
    },
    {
      title: 'Git took another value and live agrees: backported',
      hotfix: hotfix(atBaseline),
      touched: [state(true, true, 'L2', 'L2')],
      expected: [{ type: 'backported', at: AT, detail: { via: 'git-match' } }],
    },
    {
      title: 'in sync with Git unchanged and live elsewhere: nothing',
      hotfix: hotfix(atBaseline),
      touched: [state(true, true, 'L2', 'D0')],
      expected: [],
    },
    {
      title:
        'never drifted, Git changed and live agrees (applied and back-ported in between): backported',
      hotfix: hotfix([baseline(['L0'], ['D0'])]),
      touched: [state(true, true, 'L1', 'L1')],
      expected: [{ type: 'backported', at: AT, detail: { via: 'git-match' } }],
    },
    {
      title: 'never drifted, nothing changed: nothing',
      hotfix: hotfix([baseline(['L0'], ['D0'])]),
      touched: [state(true, true, 'L0', 'D0')],
      expected: [],
    },
    {
      title:
        'back-port in the very computation that takes the baseline: nothing to compare with',
      hotfix: hotfix(),
      touched: [state(true, true, 'L1', 'L1')],
      expected: [{ type: 'baseline', at: AT, detail: digests(['L1'], ['L1']) }],
    },
    {
      title: 'one change still drifts: nothing',
      hotfix: hotfix(
        [
          baseline(['L1', 'C1'], ['D0', 'E0']),
          observed(['L1', 'C1'], ['D0', 'E0']),
        ],
        2,
      ),
      touched: [state(true, true, 'L1', 'L1'), state(true, false, 'C1', 'E0')],
      expected: [],
    },
    {
      title: 'one change not found: nothing',
      hotfix: hotfix(
        [
          baseline(['L1', 'C1'], ['D0', 'E0']),
          observed(['L1', 'C1'], ['D0', 'E0']),
        ],
        2,
      ),
      touched: [state(true, true, 'L1', 'L1'), state(false, false, 'C?', 'E0')],
      expected: [],
    },
    {
      title: 'several changes, all caught up: backported',
      hotfix: hotfix(
        [
          baseline(['L1', 'C1'], ['D0', 'E0']),
          observed(['L1', 'C1'], ['D0', 'E0']),
        ],
        2,
      ),
      touched: [state(true, true, 'L1', 'L1'), state(true, true, 'C1', 'C1')],
      expected: [{ type: 'backported', at: AT, detail: { via: 'git-match' } }],
    },
    {
      title: 'nothing for a hotfix already back-ported',
      hotfix: { ...hotfix(atBaseline), status: 'backported' },
      touched: [state(true, true, 'L1', 'L1')],
      expected: [],
    },
    {
      title: 'nothing for an abandoned hotfix',
      hotfix: { ...hotfix(), status: 'abandoned' },
      touched: [drifting],
      expected: [],
    },
    {
      title: 'nothing when a final event is already there',
      hotfix: hotfix([...atBaseline, { type: 'reverted', at: AT }]),
      touched: [state(true, true, 'L1', 'L1')],
      expected: [],
    },
    {
      title: 'unusable recorded digests are taken again',
      hotfix: hotfix([
        { type: 'baseline', at: AT, detail: { liveDigests: 'x' } },
      ]),
      touched: [state(true, true, 'L1', 'L1')],
      expected: [{ type: 'baseline', at: AT, detail: digests(['L1'], ['L1']) }],
    },
    {
      title: 'nothing when touched does not line up with changes',
      hotfix: hotfix(),
      touched: [drifting, state(true, false, 'x', 'y')],
      expected: [],
    },
  ])('$title', ({ hotfix: h, touched, revision, expected }) => {
    expect(
      evaluateLifecycle(h, touched, { observedAt: OBSERVED, revision }),
    ).toEqual(expected);
  });
});

describe('evaluateLifecycle: times', () => {
  it('dates events by the observation, never before the previous event', () => {
    const old = new Date('2025-02-01T00:00:00.000Z');
    expect(
      evaluateLifecycle(hotfix(), [drifting], { observedAt: old }).map(
        e => e.at,
      ),
    ).toEqual([RECORDED, RECORDED]);
    expect(
      evaluateLifecycle(hotfix(atBaseline), [state(true, true, 'D0', 'D0')], {
        observedAt: OBSERVED,
      })[0].at,
    ).toBe(AT);
  });

  it('a Backport-Of commit back-ports, whatever the drift, dated by the commit', () => {
    expect(
      evaluateLifecycle(hotfix(), [drifting], {
        observedAt: OBSERVED,
        backportCommit: {
          sha: 'f00d',
          url: 'https://x/c/f00d',
          subject: 'Fix',
          committedAt: '2025-03-02T10:00:00Z',
        },
      }),
    ).toEqual([
      {
        type: 'backported',
        at: '2025-03-02T10:00:00.000Z',
        detail: {
          via: 'commit-trailer',
          sha: 'f00d',
          url: 'https://x/c/f00d',
          subject: 'Fix',
        },
      },
    ]);
    expect(
      evaluateLifecycle({ ...hotfix(), status: 'abandoned' }, [], {
        observedAt: OBSERVED,
        backportCommit: { sha: 'f00d', url: 'u', subject: 's' },
      }),
    ).toEqual([]);
  });
});
