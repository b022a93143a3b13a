import { OverviewFinding } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { FindingTotals, HotfixTotals } from '../../api/types';
import { CountTile } from './CountTiles';
import { HotfixFilter } from './useFleetFilters';

/**
 * Hotfixes owed to Git (pending back-ports, how many are overdue) and
 * reverted ones nobody acknowledged; each tile filters the table.
 */
export function hotfixTiles(hotfixes: HotfixTotals): CountTile[] {
  const tiles: Array<CountTile & { value: HotfixFilter }> = [
    {
      value: 'pending',
      label: 'Pending back-ports',
      count: hotfixes.pending ?? 0,
      alarm: 'warning',
    },
    {
      value: 'overdue',
      label: 'Overdue back-ports',
      count: hotfixes.overdue ?? 0,
      alarm: 'error',
    },
  ];
  if (typeof hotfixes.reverted === 'number') {
    tiles.push({
      value: 'reverted',
      label: 'Reverted, not acknowledged',
      count: hotfixes.reverted,
      alarm: 'error',
    });
  }
  return tiles;
}

const FINDING_TILES: Array<{
  key: keyof FindingTotals;
  code: OverviewFinding;
  label: string;
  alarm: CountTile['alarm'];
}> = [
  {
    key: 'plaintextSecrets',
    code: 'plaintext-secret-in-git',
    label: 'Plaintext secrets in Git',
    alarm: 'error',
  },
  {
    key: 'encryptedSecrets',
    code: 'encrypted-secret-in-git',
    label: 'Encrypted secrets in Git',
    alarm: 'warning',
  },
  {
    key: 'unresolvedSecretRefs',
    code: 'unresolved-secret-ref',
    label: 'Unresolved secret refs',
    alarm: 'warning',
  },
  {
    key: 'statefulInDeclarative',
    code: 'stateful-in-declarative',
    label: 'Stateful in declarative track',
    alarm: 'warning',
  },
];

/**
 * Secret and stateful findings; a count the backend did not send is left
 * out. The tile's value is the finding code the table filters by.
 */
export function findingTiles(findings: FindingTotals): CountTile[] {
  return FINDING_TILES.filter(
    ({ key }) => typeof findings[key] === 'number',
  ).map(({ key, code, label, alarm }) => ({
    value: code,
    label,
    count: findings[key] as number,
    alarm,
  }));
}
