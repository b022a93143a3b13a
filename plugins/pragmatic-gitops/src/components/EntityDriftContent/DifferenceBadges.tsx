import Chip from '@material-ui/core/Chip';
import LockIcon from '@material-ui/icons/Lock';
import DeleteOutlineIcon from '@material-ui/icons/DeleteOutline';
import { Difference } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { ExplainedDifference } from '../../api/types';
import { ChangedByNote } from '../ChangedByNote';
import { ExplainedByChip } from '../ExplainedByChip';

const REMOVED_FROM_GIT_HINTS: Record<
  NonNullable<Difference['removedFromGit']>,
  string
> = {
  'last-applied-configuration':
    'The field was in the last applied configuration but is no longer declared in Git.',
  'managed-fields':
    'The field is managed by the GitOps controller but is no longer declared in Git.',
};

/**
 * "Changed by kubectl-set, 2 hours ago", "secret value hidden", "removed
 * from Git" and "explained by HF-n" badges of a difference.
 */
export function DifferenceBadges(props: { difference: ExplainedDifference }) {
  const { masked, removedFromGit, explainedBy, changedBy } = props.difference;
  return (
    <>
      <ChangedByNote changedBy={changedBy} />
      {explainedBy && <ExplainedByChip hotfixId={explainedBy} />}
      {masked && (
        <Chip
          size="small"
          icon={<LockIcon />}
          label="secret value hidden"
          title="Secret values never leave the backend."
          data-testid="pragmatic-gitops-masked-badge"
        />
      )}
      {removedFromGit && (
        <Chip
          size="small"
          variant="outlined"
          icon={<DeleteOutlineIcon />}
          label="removed from Git"
          title={REMOVED_FROM_GIT_HINTS[removedFromGit] ?? removedFromGit}
          data-testid="pragmatic-gitops-removed-badge"
        />
      )}
    </>
  );
}
