import { useEffect, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  DefaultEntityFilters,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import {
  DRIFT_STATUSES,
  DriftStatus,
  Track,
  TRACK_DESCRIPTIONS,
  TRACKS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DRIFT_STATUS_APPEARANCE } from '../DriftStatusChip';
import { backendMessage } from '../../utils/apiErrorMessage';
import { EntityGitopsFilter } from './EntityGitopsFilter';
import { useStatusRefs } from './useStatusRefs';

/**
 * The catalog filters with the GitOps one, under the key `gitops`.
 *
 * @public
 */
export type EntityGitopsFilters = DefaultEntityFilters & {
  gitops?: EntityGitopsFilter;
};

/** Track and status kept in the URL as `filters[gitops]=track:…&…=status:…`. */
function fromQuery(value: string | string[] | undefined) {
  const values = [value ?? []].flat();
  const pick = <T extends string>(prefix: string, allowed: readonly T[]) =>
    allowed.find(choice => values.includes(`${prefix}:${choice}`));
  return {
    track: pick<Track>('track', TRACKS),
    status: pick<DriftStatus>('status', DRIFT_STATUSES),
  };
}

/**
 * Catalog index page filter on the GitOps track and drift status. Put it
 * among the catalog page's filters; it works with `createGitopsColumns`.
 *
 * @public
 */
export function EntityGitopsPicker() {
  const { updateFilters, queryParameters } =
    useEntityList<EntityGitopsFilters>();
  const initial = useMemo(
    () => fromQuery(queryParameters.gitops),
    // Only the URL the page was opened with; later changes come from here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [track, setTrack] = useState<Track | undefined>(initial.track);
  const [status, setStatus] = useState<DriftStatus | undefined>(initial.status);
  const refs = useStatusRefs(track, status);

  const answer = refs.value;
  useEffect(() => {
    if (!answer || answer.track !== track || answer.status !== status) {
      return;
    }
    updateFilters({
      gitops:
        track || status
          ? new EntityGitopsFilter(track, status, answer.refs)
          : undefined,
    });
  }, [answer, track, status, updateFilters]);

  return (
    <Box pb={1} pt={1} data-testid="pragmatic-gitops-entity-picker">
      <Typography variant="button" component="label">
        GitOps
      </Typography>
      <TextField
        select
        fullWidth
        margin="dense"
        // The id ties the label to the native select (its accessible name).
        id="pragmatic-gitops-picker-track"
        label="Track"
        variant="outlined"
        size="small"
        value={track ?? ''}
        onChange={event =>
          setTrack((event.target.value || undefined) as Track | undefined)
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'data-testid': 'pragmatic-gitops-picker-track' }}
      >
        <option value="">All tracks</option>
        {TRACKS.map(choice => (
          <option key={choice} value={choice}>
            {TRACK_DESCRIPTIONS[choice].letter} ·{' '}
            {TRACK_DESCRIPTIONS[choice].title}
          </option>
        ))}
      </TextField>
      <TextField
        select
        fullWidth
        margin="dense"
        // The id ties the label to the native select (its accessible name).
        id="pragmatic-gitops-picker-status"
        label="Drift status"
        variant="outlined"
        size="small"
        value={status ?? ''}
        onChange={event =>
          setStatus(
            (event.target.value || undefined) as DriftStatus | undefined,
          )
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'data-testid': 'pragmatic-gitops-picker-status' }}
      >
        <option value="">All statuses</option>
        {DRIFT_STATUSES.map(choice => (
          <option key={choice} value={choice}>
            {DRIFT_STATUS_APPEARANCE[choice].label}
          </option>
        ))}
      </TextField>
      {refs.error && (
        <Typography
          variant="caption"
          color="error"
          data-testid="pragmatic-gitops-picker-error"
        >
          Could not filter by drift status: {backendMessage(refs.error)}
        </Typography>
      )}
    </Box>
  );
}
