/**
 * The automatic part of a hotfix's life, decided from one scan: the hotfix
 * shows up as drift (`drift-observed`), then either Git catches up with live
 * (`backported`) or live goes back to the old Git state (`reverted`). Pure:
 * it only compares digests and returns the events to append.
 */
import {
  BackportedDetail,
  DriftObservedDetail,
  HotfixEvent,
  LifecycleEvent,
  LifecycleHotfix,
  PENDING_BACKPORT,
  TouchedState,
} from './types';

export type LifecycleContext = {
  /** Git revision the desired state was read at, when known. */
  revision?: string;
  now: Date;
  /** A commit on the default branch carrying `Backport-Of: <hotfix id>`. */
  backportCommit?: { sha: string; url: string; subject: string };
};

/** Events after which the lifecycle has nothing more to say. */
const FINAL_EVENTS = new Set(['backported', 'reverted', 'abandoned']);

function isStringList(value: unknown, length: number): value is string[] {
  return (
    Array.isArray(value) &&
    value.length === length &&
    value.every(item => typeof item === 'string')
  );
}

/** The digests recorded by the first `drift-observed` event, when usable. */
function recordedDigests(
  event: HotfixEvent,
  length: number,
): DriftObservedDetail | undefined {
  const detail = event.detail as Partial<DriftObservedDetail> | undefined;
  if (
    detail &&
    isStringList(detail.liveDigests, length) &&
    isStringList(detail.desiredDigests, length)
  ) {
    return {
      liveDigests: detail.liveDigests,
      desiredDigests: detail.desiredDigests,
    };
  }
  return undefined;
}

function gitMatch(revision: string | undefined): BackportedDetail {
  return revision ? { via: 'git-match', revision } : { via: 'git-match' };
}

/**
 * Events to append to `hotfix` after a scan. `touched` is aligned with
 * `hotfix.changes` (see `touchedStates`).
 */
export function evaluateLifecycle(
  hotfix: LifecycleHotfix,
  touched: readonly TouchedState[],
  context: LifecycleContext,
): LifecycleEvent[] {
  const events = Array.isArray(hotfix.events) ? hotfix.events : [];
  if (
    hotfix.status !== PENDING_BACKPORT ||
    events.some(event => FINAL_EVENTS.has(event.type))
  ) {
    return [];
  }
  const at = context.now.toISOString();

  const commit = context.backportCommit;
  if (commit) {
    return [
      {
        type: 'backported',
        at,
        detail: {
          via: 'commit-trailer',
          sha: commit.sha,
          url: commit.url,
          subject: commit.subject,
        },
      },
    ];
  }

  const changes = Array.isArray(hotfix.changes) ? hotfix.changes : [];
  if (touched.length === 0 || touched.length !== changes.length) {
    return [];
  }
  const observed = events.find(event => event.type === 'drift-observed');

  if (!observed) {
    if (touched.some(state => state.found && !state.inSync)) {
      return [
        {
          type: 'drift-observed',
          at,
          detail: {
            liveDigests: touched.map(state => state.liveDigest),
            desiredDigests: touched.map(state => state.desiredDigest),
          },
        },
      ];
    }
    return [];
  }

  if (!touched.every(state => state.found && state.inSync)) {
    return [];
  }
  const recorded = recordedDigests(observed, touched.length);
  if (!recorded) {
    return [];
  }
  if (
    touched.every((state, i) => state.liveDigest === recorded.liveDigests[i])
  ) {
    return [{ type: 'backported', at, detail: gitMatch(context.revision) }];
  }
  if (
    touched.every((state, i) => state.liveDigest === recorded.desiredDigests[i])
  ) {
    return [{ type: 'reverted', at, detail: { via: 'live-reverted' } }];
  }
  if (
    touched.some(
      (state, i) => state.desiredDigest !== recorded.desiredDigests[i],
    )
  ) {
    return [{ type: 'backported', at, detail: gitMatch(context.revision) }];
  }
  return [];
}
