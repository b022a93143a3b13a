// The drift scans the replicas ran, from their "Drift scan: … in N ms" log
// lines: each run's start and end, and the once-per-interval check.
import { SCAN_TASK, taskStates } from './scheduler.mjs';

/** Every replica's scan runs, oldest first: `{ replica, start, end, at }`. */
export function scanRuns(replicas) {
  return replicas
    .flatMap(replica =>
      replica.linesMatching(/Drift scan:/).map(({ at, line }) => {
        // eslint-disable-next-line no-control-regex
        const text = line.replace(/\x1b\[[0-9;]*m/g, '');
        const end = Date.parse(text.split(' ')[0]) || at;
        const ms = Number(/in (\d+) ms/.exec(text)?.[1] ?? 0);
        return { replica: replica.name, start: end - ms, end, at };
      }),
    )
    .sort((x, y) => x.start - y.start);
}

/**
 * Runs that started before the previous one ended, and the gaps between
 * starts in seconds.
 */
export function overlapsAndGaps(runs) {
  const overlaps = runs.slice(1).filter((run, i) => run.start < runs[i].end);
  const gaps = runs
    .slice(1)
    .map((run, i) => (run.start - runs[i].start) / 1000);
  return { overlaps, gaps };
}

/**
 * Scans over the whole run: one at a time and at most one per slot across
 * both replicas, and the survivor of the kill scanning after it. Waits for
 * the survivor's first scan after the kill; when the victim died holding the
 * scan after all, that is its lease's timeout plus up to a minute for the
 * survivor's scheduler janitor to free it.
 */
export async function scansOnce(
  ctx,
  { victim, survivor, seconds, timeoutSeconds },
) {
  const { agentToken, replicas } = ctx;
  const { killedAt } = victim;
  const shared = (await taskStates(survivor, agentToken)).get(SCAN_TASK);
  const deadHolder =
    shared?.taskState?.status === 'running' &&
    shared?.workerState?.status !== 'running';
  const limit = deadHolder
    ? Date.parse(shared.taskState.timesOutAt) + 65_000 + 2 * seconds * 1000
    : Date.now() + (2 * seconds + timeoutSeconds) * 1000;
  const afterKill = () =>
    survivor.linesMatching(/Drift scan:/).filter(l => l.at > killedAt);
  while (afterKill().length === 0 && Date.now() < limit) {
    await new Promise(r => setTimeout(r, 250));
  }
  const takeover = afterKill()[0];

  const runs = scanRuns(replicas);
  const window =
    (Date.now() - Math.min(...replicas.map(r => r.readyAt))) / 1000;
  const { overlaps, gaps } = overlapsAndGaps(runs);
  const slots = Math.ceil(window / seconds) + 1;
  const by = replicas
    .map(r => `${r.name} ${runs.filter(run => run.replica === r.name).length}`)
    .join(', ');
  // Backstage schedules global runs on a fixed grid (next = previous slot +
  // frequency, or now when late), so a late run may be followed sooner than
  // the frequency; what must hold is one run at a time and one per slot.
  ctx.check(
    `a scheduled scan runs once per interval (${seconds} s)`,
    runs.length >= 2 &&
      runs.length <= slots &&
      overlaps.length === 0 &&
      afterKill().length >= 1,
    `${runs.length} scans in ${window.toFixed(
      0,
    )} s (at most ${slots} slots; ${by}); ` +
      `${overlaps.length} overlapping; starts ${Math.min(...gaps).toFixed(
        1,
      )}–${Math.max(...gaps).toFixed(1)} s apart; ` +
      `${afterKill().length} on ${survivor.name} after ${
        victim.name
      } was killed (${victim.name} ${
        deadHolder ? 'held' : 'did not hold'
      } the scan), the first ${
        takeover
          ? `${((takeover.at - killedAt) / 1000).toFixed(0)} s after`
          : 'never'
      }`,
  );
}
