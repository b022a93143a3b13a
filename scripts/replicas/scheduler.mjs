// What Backstage's scheduler says about the plugin's tasks on one replica
// (GET /api/pragmatic-gitops/.backstage/scheduler/v1/tasks): `taskState` is
// the shared state in the database (running or idle, lastRunEndedAt,
// timesOutAt), `workerState` whether this replica is running the task.

export const SCAN_TASK = 'pragmatic-gitops-drift-scan';
export const NOTIFY_TASK = 'pragmatic-gitops-hotfix-overdue';

/** taskId → { taskState, workerState } on `replica`, with a service token. */
export async function taskStates(replica, token) {
  const res = await fetch(
    `${replica.url}/api/pragmatic-gitops/.backstage/scheduler/v1/tasks`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!res.ok) {
    throw new Error(`scheduler tasks on ${replica.name}: ${res.status}`);
  }
  const { tasks } = await res.json();
  return new Map(tasks.map(task => [task.taskId, task]));
}

/**
 * Waits until the task has finished `runs` runs that ended after `after`
 * (any replica), polling faster than the task's cadence; returns their end
 * times, or fewer when `timeoutMs` ran out.
 */
export async function runsEndedAfter(replica, token, taskId, after, options) {
  const { runs, timeoutMs } = options;
  const ends = new Set();
  const deadline = Date.now() + timeoutMs;
  while (ends.size < runs && Date.now() < deadline) {
    const ended = (await taskStates(replica, token)).get(taskId)?.taskState
      ?.lastRunEndedAt;
    if (ended && Date.parse(ended) > after) ends.add(ended);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return [...ends];
}
