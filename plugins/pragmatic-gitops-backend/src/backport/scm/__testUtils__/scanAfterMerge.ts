/**
 * The next scan after a back-port request merged: Git (the mocked
 * repository's default branch) now holds the merged manifests, and the
 * reconciler with the SCM's back-port commit finder decides the hotfix.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { BackportCommitFinder } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { parseManifests } from '../../../desired/parseManifests';
import { computeDrift } from '../../../engine';
import { HotfixLedgerReconciler } from '../../../ledger/HotfixLedgerReconciler';
import { demoLiveObjects } from '../../__testUtils__/demoBackports';
import { startUrlSourceBackend } from './urlSourceBackend';

type UrlSourceBackend = Awaited<ReturnType<typeof startUrlSourceBackend>>;

/** Reconciles once against `files` of the default branch; returns the hotfix. */
export async function scanAfterMerge(
  backend: Pick<UrlSourceBackend, 'entity' | 'hotfixes' | 'id'>,
  files: Map<string, string>,
  commitFinder: BackportCommitFinder,
) {
  const { entity, hotfixes, id } = backend;
  const reconciler = new HotfixLedgerReconciler({
    hotfixes,
    commitFinders: [commitFinder],
    logger: mockServices.logger.mock(),
  });
  const live = { objects: demoLiveObjects('payments-api.json') };
  const result = computeDrift({
    track: 'declarative',
    desired: parseManifests(
      [...files]
        .filter(([path]) => path.startsWith('apps/payments-api/'))
        .map(([path, content]) => ({ path, content })),
    ).objects,
    live,
    defaultNamespace: 'payments',
    ignoreRules: [],
    gitopsFieldManagers: [],
  });
  await reconciler.reconcile({
    entity,
    entityRef: 'component:default/payments-api',
    result,
    live,
    observedAt: new Date(),
    defaultNamespace: 'payments',
  });
  return hotfixes.get(id, mockCredentials.user());
}
