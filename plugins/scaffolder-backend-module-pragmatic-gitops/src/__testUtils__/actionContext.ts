/** A scaffolder task context for action tests, shared by the action tests. */
import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * A context run by `user:default/oncall`, for task `task-1`; checkpoints
 * persist in `checkpoints` like the scaffolder's task state, so passing the
 * same map to two runs is a retried task. Any input: the tests also pass
 * what the schema would refuse.
 */
export function createTaskContext(
  input: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
  checkpoints = new Map<string, unknown>(),
): ReturnType<typeof createMockActionContext<any, any>> {
  const ctx = createMockActionContext<any, any>({
    input: input as any,
    task: { id: 'task-1' },
  });
  return {
    ...ctx,
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/oncall'),
    async checkpoint(opts: { key: string; fn: () => Promise<unknown> }) {
      if (!checkpoints.has(opts.key)) {
        checkpoints.set(opts.key, await opts.fn());
      }
      return checkpoints.get(opts.key);
    },
    ...overrides,
  } as typeof ctx;
}

/** Every output of a run, by name. */
export const outputsOf = (ctx: { output: unknown }) =>
  Object.fromEntries((ctx.output as jest.Mock).mock.calls);
