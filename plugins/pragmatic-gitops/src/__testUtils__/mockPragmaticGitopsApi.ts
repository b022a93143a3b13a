import { PragmaticGitopsApi } from '../api/PragmaticGitopsApi';

/**
 * A `PragmaticGitopsApi` of jest mocks for tests. Methods not given reject,
 * so a test notices a call it did not expect.
 */
export function mockPragmaticGitopsApi(
  implementation: Partial<PragmaticGitopsApi> = {},
): jest.Mocked<PragmaticGitopsApi> {
  const unexpected = (method: string) => () =>
    Promise.reject(new Error(`${method} was not expected in this test`));
  return {
    getEntityStatus: jest.fn(
      implementation.getEntityStatus ?? unexpected('getEntityStatus'),
    ),
    getEntityHistory: jest.fn(
      implementation.getEntityHistory ?? unexpected('getEntityHistory'),
    ),
    refreshEntity: jest.fn(
      implementation.refreshEntity ?? unexpected('refreshEntity'),
    ),
    getOverview: jest.fn(
      implementation.getOverview ?? unexpected('getOverview'),
    ),
  };
}
