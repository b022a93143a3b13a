import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import {
  DRIFT_STATUSES,
  DriftStatus,
  Track,
  TRACK_DESCRIPTIONS,
  TRACKS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DRIFT_STATUS_APPEARANCE } from '../DriftStatusChip';
import { FleetFilters } from './useFleetFilters';

/** How long the owner field waits for typing to stop before filtering. */
export const OWNER_DEBOUNCE_MS = 400;

/** The owner text field; filters once typing stops. */
function OwnerFilter(props: {
  owner?: string;
  onChange: (owner: string | undefined) => void;
}) {
  const { owner, onChange } = props;
  const [text, setText] = useState(owner ?? '');

  // Follow changes made elsewhere (a cleared filter, the URL).
  useEffect(() => {
    setText(current =>
      current.trim() === (owner ?? '') ? current : owner ?? '',
    );
  }, [owner]);

  useDebounce(
    () => {
      const next = text.trim() || undefined;
      if (next !== owner) {
        onChange(next);
      }
    },
    OWNER_DEBOUNCE_MS,
    [text],
  );

  return (
    <TextField
      label="Owner"
      placeholder="team-payments or group:default/team-payments"
      variant="outlined"
      size="small"
      value={text}
      onChange={event => setText(event.target.value)}
      inputProps={{ 'data-testid': 'pragmatic-gitops-owner-filter' }}
      style={{ minWidth: 320 }}
    />
  );
}

/** Track, status and owner filters of the fleet table. */
export function FleetFilterBar(props: {
  filters: FleetFilters;
  onChange: (change: Partial<FleetFilters>) => void;
}) {
  const { filters, onChange } = props;
  const active = Boolean(filters.track || filters.status || filters.owner);
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
      <TextField
        select
        label="Track"
        variant="outlined"
        size="small"
        value={filters.track ?? ''}
        onChange={event =>
          onChange({ track: (event.target.value || undefined) as Track })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'data-testid': 'pragmatic-gitops-track-filter' }}
      >
        <option value="">All tracks</option>
        {TRACKS.map(track => (
          <option key={track} value={track}>
            {`${TRACK_DESCRIPTIONS[track].letter} · ${TRACK_DESCRIPTIONS[track].title}`}
          </option>
        ))}
      </TextField>
      <TextField
        select
        label="Status"
        variant="outlined"
        size="small"
        value={filters.status ?? ''}
        onChange={event =>
          onChange({
            status: (event.target.value || undefined) as DriftStatus,
          })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'data-testid': 'pragmatic-gitops-status-filter' }}
      >
        <option value="">All statuses</option>
        {DRIFT_STATUSES.map(status => (
          <option key={status} value={status}>
            {DRIFT_STATUS_APPEARANCE[status].label}
          </option>
        ))}
      </TextField>
      <OwnerFilter
        owner={filters.owner}
        onChange={owner => onChange({ owner })}
      />
      {active && (
        <Button
          onClick={() =>
            onChange({ track: undefined, status: undefined, owner: undefined })
          }
        >
          Clear filters
        </Button>
      )}
    </Box>
  );
}
