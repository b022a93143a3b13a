import { FindingTotals, HotfixTotals } from '../../api/types';
import { CountTile } from './CountTiles';

/** Hotfixes owed to Git: pending back-ports, and how many are overdue. */
export function hotfixTiles(hotfixes: HotfixTotals): CountTile[] {
  return [
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
}

const FINDING_TILES: Array<{
  key: keyof FindingTotals;
  label: string;
  alarm: CountTile['alarm'];
}> = [
  {
    key: 'plaintextSecrets',
    label: 'Plaintext secrets in Git',
    alarm: 'error',
  },
  {
    key: 'encryptedSecrets',
    label: 'Encrypted secrets in Git',
    alarm: 'warning',
  },
  {
    key: 'unresolvedSecretRefs',
    label: 'Unresolved secret refs',
    alarm: 'warning',
  },
  {
    key: 'statefulInDeclarative',
    label: 'Stateful in declarative track',
    alarm: 'warning',
  },
];

/** Secret and stateful findings; a count the backend did not send is left out. */
export function findingTiles(findings: FindingTotals): CountTile[] {
  return FINDING_TILES.filter(
    ({ key }) => typeof findings[key] === 'number',
  ).map(({ key, label, alarm }) => ({
    value: key,
    label,
    count: findings[key] as number,
    alarm,
  }));
}
