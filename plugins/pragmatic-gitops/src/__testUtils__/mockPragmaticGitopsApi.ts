import { PragmaticGitopsApi } from '../api/PragmaticGitopsApi';

const METHODS = [
  'getEntityStatus',
  'getEntityStatusesByRefs',
  'getEntityHistory',
  'refreshEntity',
  'getOverview',
  'recordHotfix',
  'listHotfixes',
  'getHotfix',
  'backportHotfix',
  'generateBackport',
  'abandonHotfix',
  'acknowledgeHotfix',
  'getHotfixMetrics',
  'exportHotfixes',
] as const satisfies ReadonlyArray<keyof PragmaticGitopsApi>;

/**
 * A `PragmaticGitopsApi` of jest mocks for tests. Methods not given reject,
 * so a test notices a call it did not expect.
 */
export function mockPragmaticGitopsApi(
  implementation: Partial<PragmaticGitopsApi> = {},
): jest.Mocked<PragmaticGitopsApi> {
  const unexpected = (method: string) => () =>
    Promise.reject(new Error(`${method} was not expected in this test`));
  const api: Record<string, jest.Mock> = {};
  for (const method of METHODS) {
    api[method] = jest.fn(
      (implementation[method] as (...args: any[]) => any) ?? unexpected(method),
    );
  }
  return api as unknown as jest.Mocked<PragmaticGitopsApi>;
}
