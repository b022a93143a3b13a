import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The fleet overview page of the legacy plugin; mount it with
 * `<Route path="/pragmatic-gitops" element={<PragmaticGitopsPage />} />`.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'pragmatic-gitops' });
