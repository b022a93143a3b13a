/**
 * The automatic part of a hotfix's life, decided from one computation of
 * its entity (scheduled scan, refresh, pushed observation, provider change,
 * the recording itself). Pure: it compares digests and returns the events
 * to append.
 *
 * - `baseline`: the first computation with live state after the hotfix was
 *   recorded notes live and Git at the touched fields.
 * - `drift-observed`: the first computation where a touched field drifts.
 * - Then, once every touched field is in sync again: Git now holds the
 *   hotfixed value, or Git changed there (`backported`); or live went back
 *   to the old Git value (`reverted`).
 *
 * No step needs a computation at a particular moment: a back-port or a
 * revert that lands before the next scheduled scan is decided against the
 * baseline taken when the hotfix was recorded.
 */
import {
  BackportedDetail,
  HotfixEvent,
  LifecycleEvent,
  LifecycleHotfix,
  PENDING_BACKPORT,
  TouchedDigests,
  TouchedState,
} from './types';

export type LifecycleContext = {
  /** When the live state of this computation was observed. */
  observedAt: Date;
  /** Git revision the desired state was read at, when known. */
  revision?: string;
  /** A commit on the default branch carrying `Backport-Of: <hotfix id>`. */
  backportCommit?: {
    sha: string;
    url: string;
    subject: string;
    committedAt?: string;
  };
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

/** The digests an earlier event recorded, when usable. */
function digestsOf(
  event: HotfixEvent | undefined,
  length: number,
): TouchedDigests | undefined {
  const detail = event?.detail as Partial<TouchedDigests> | undefined;
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

function digests(touched: readonly TouchedState[]): TouchedDigests {
  return {
    liveDigests: touched.map(state => state.liveDigest),
    desiredDigests: touched.map(state => state.desiredDigest),
  };
}

function gitMatch(revision: string | undefined): BackportedDetail {
  return revision ? { via: 'git-match', revision } : { via: 'git-match' };
}

/** An event is never dated before the event it follows. */
function notBefore(events: readonly HotfixEvent[], at: Date): string {
  let latest = at.getTime();
  for (const event of events) {
    const time = event.at ? Date.parse(event.at) : NaN;
    if (Number.isFinite(time) && time > latest) {
      latest = time;
    }
  }
  return new Date(latest).toISOString();
}

/** Backported or reverted, once every touched field is in sync again. */
function outcome(
  touched: readonly TouchedState[],
  reference: TouchedDigests,
  drifted: boolean,
  revision: string | undefined,
): Pick<LifecycleEvent, 'type' | 'detail'> | undefined {
  const gitChanged = touched.some(
    (state, i) => state.desiredDigest !== reference.desiredDigests[i],
  );
  if (drifted) {
    if (touched.every((s, i) => s.liveDigest === reference.liveDigests[i])) {
      return { type: 'backported', detail: gitMatch(revision) };
    }
    if (touched.every((s, i) => s.liveDigest === reference.desiredDigests[i])) {
      return { type: 'reverted', detail: { via: 'live-reverted' } };
    }
  }
  // Git changed at the touched fields and live agrees with it. Without drift
  // ever seen, the change was applied and back-ported between computations.
  return gitChanged
    ? { type: 'backported', detail: gitMatch(revision) }
    : undefined;
}

/**
 * Events to append to `hotfix` after a computation. `touched` is aligned
 * with `hotfix.changes` (see `touchedStates`).
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

  const commit = context.backportCommit;
  if (commit) {
    const committedAt = commit.committedAt
      ? new Date(commit.committedAt)
      : undefined;
    return [
      {
        type: 'backported',
        at: notBefore(
          events,
          committedAt && Number.isFinite(committedAt.getTime())
            ? committedAt
            : context.observedAt,
        ),
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
  const at = notBefore(events, context.observedAt);
  const appended: LifecycleEvent[] = [];

  let baseline = digestsOf(
    events.find(event => event.type === 'baseline'),
    touched.length,
  );
  if (!baseline) {
    if (!touched.some(state => state.found)) {
      return []; // no live state yet: the first computation that has it takes the baseline
    }
    baseline = digests(touched);
    appended.push({ type: 'baseline', at, detail: baseline });
  }

  let observed = digestsOf(
    events.find(event => event.type === 'drift-observed'),
    touched.length,
  );
  if (!observed && touched.some(state => state.found && !state.inSync)) {
    observed = digests(touched);
    appended.push({ type: 'drift-observed', at, detail: observed });
  }

  if (touched.every(state => state.found && state.inSync)) {
    const final = outcome(
      touched,
      observed ?? baseline,
      observed !== undefined,
      context.revision,
    );
    if (final) {
      appended.push({ ...final, at } as LifecycleEvent);
    }
  }
  return appended;
}
