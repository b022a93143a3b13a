import { evaluateLifecycle } from './evaluateLifecycle';
import { LifecycleHotfix, TouchedState } from './types';

const NOW = new Date('2025-03-04T05:06:07.000Z');
const AT = NOW.toISOString();

function hotfix(partial: Partial<LifecycleHotfix> = {}): LifecycleHotfix {
  return {
    id: 'HF-12',
    status: 'pending-backport',
    changes: [
      { kind: 'Deployment', name: 'payments', paths: ['/spec/replicas'] },
    ],
    events: [{ type: 'recorded', at: '2025-03-01T00:00:00.000Z' }],
    ...partial,
  };
}

function observed(live: string[], desired: string[]) {
  return {
    type: 'drift-observed',
    at: '2025-03-02T00:00:00.000Z',
    detail: { liveDigests: live, desiredDigests: desired },
  };
}

const state = (
  found: boolean,
  inSync: boolean,
  liveDigest: string,
  desiredDigest: string,
): TouchedState => ({ found, inSync, liveDigest, desiredDigest });

describe('evaluateLifecycle', () => {
  const withDrift = hotfix({
    events: [hotfix().events[0], observed(['L1'], ['D0'])],
  });

  it.each([
    {
      title: 'drift seen for the first time',
      hotfix: hotfix(),
      touched: [state(true, false, 'L1', 'D0')],
      expected: [
        {
          type: 'drift-observed',
          at: AT,
          detail: { liveDigests: ['L1'], desiredDigests: ['D0'] },
        },
      ],
    },
    {
      title: 'drift-observed only once',
      hotfix: withDrift,
      touched: [state(true, false, 'L1', 'D0')],
      expected: [],
    },
    {
      title: 'nothing while the object is not found',
      hotfix: hotfix(),
      touched: [state(false, false, 'L?', 'D0')],
      expected: [],
    },
    {
      title: 'nothing when in sync without drift seen before',
      hotfix: hotfix(),
      touched: [state(true, true, 'L1', 'L1')],
      expected: [],
    },
    {
      title: 'Git caught up with live: backported',
      hotfix: withDrift,
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
      title: 'live went back to the old Git state: reverted',
      hotfix: withDrift,
      touched: [state(true, true, 'D0', 'D0')],
      expected: [
        { type: 'reverted', at: AT, detail: { via: 'live-reverted' } },
      ],
    },
    {
      title: 'both moved and Git changed: backported',
      hotfix: withDrift,
      touched: [state(true, true, 'L2', 'L2')],
      expected: [{ type: 'backported', at: AT, detail: { via: 'git-match' } }],
    },
    {
      title: 'live moved elsewhere but Git did not: nothing',
      hotfix: withDrift,
      touched: [state(true, true, 'L2', 'D0')],
      expected: [],
    },
    {
      title: 'nothing while one change still drifts',
      hotfix: hotfix({
        changes: [...hotfix().changes, { kind: 'ConfigMap', name: 'flags' }],
        events: [observed(['L1', 'C1'], ['D0', 'E0'])],
      }),
      touched: [state(true, true, 'L1', 'L1'), state(true, false, 'C1', 'E0')],
      expected: [],
    },
    {
      title: 'nothing while one change is not found',
      hotfix: hotfix({
        changes: [...hotfix().changes, { kind: 'ConfigMap', name: 'flags' }],
        events: [observed(['L1', 'C1'], ['D0', 'E0'])],
      }),
      touched: [state(true, true, 'L1', 'L1'), state(false, false, 'C?', 'E0')],
      expected: [],
    },
    {
      title: 'several changes, all caught up: backported',
      hotfix: hotfix({
        changes: [...hotfix().changes, { kind: 'ConfigMap', name: 'flags' }],
        events: [observed(['L1', 'C1'], ['D0', 'E0'])],
      }),
      touched: [state(true, true, 'L1', 'L1'), state(true, true, 'C1', 'C1')],
      expected: [{ type: 'backported', at: AT, detail: { via: 'git-match' } }],
    },
    {
      title: 'nothing for a hotfix already back-ported',
      hotfix: { ...withDrift, status: 'backported' },
      touched: [state(true, true, 'L1', 'L1')],
      expected: [],
    },
    {
      title: 'nothing for an abandoned hotfix',
      hotfix: { ...hotfix(), status: 'abandoned' },
      touched: [state(true, false, 'L1', 'D0')],
      expected: [],
    },
    {
      title: 'nothing when a final event is already there',
      hotfix: hotfix({
        events: [observed(['L1'], ['D0']), { type: 'reverted', at: AT }],
      }),
      touched: [state(true, true, 'L1', 'L1')],
      expected: [],
    },
    {
      title: 'nothing when the recorded digests are unusable',
      hotfix: hotfix({
        events: [
          { type: 'drift-observed', at: AT, detail: { liveDigests: 'x' } },
        ],
      }),
      touched: [state(true, true, 'L1', 'L1')],
      expected: [],
    },
    {
      title: 'nothing when touched does not line up with changes',
      hotfix: hotfix(),
      touched: [state(true, false, 'L1', 'D0'), state(true, false, 'x', 'y')],
      expected: [],
    },
  ])('$title', ({ hotfix: h, touched, revision, expected }) => {
    expect(evaluateLifecycle(h, touched, { now: NOW, revision })).toEqual(
      expected,
    );
  });

  it('a Backport-Of commit back-ports, whatever the drift', () => {
    expect(
      evaluateLifecycle(hotfix(), [state(true, false, 'L1', 'D0')], {
        now: NOW,
        backportCommit: {
          sha: 'f00d',
          url: 'https://x/c/f00d',
          subject: 'Fix',
        },
      }),
    ).toEqual([
      {
        type: 'backported',
        at: AT,
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
        now: NOW,
        backportCommit: { sha: 'f00d', url: 'u', subject: 's' },
      }),
    ).toEqual([]);
  });
});
