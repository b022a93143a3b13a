import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import {
  DRIFT_STATUSES,
  DriftStatus,
  TRACK_DESCRIPTIONS,
  TRACKS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DRIFT_STATUS_APPEARANCE } from '../DriftStatusChip';
import { NO_VALID_TRACK } from './FleetTotals';
import { OwnerPicker } from './OwnerPicker';
import { FleetFilters } from './useFleetFilters';

/** How long the search field waits for typing to stop. */
export const SEARCH_DEBOUNCE_MS = 400;

/** Text search over ref, title, owner and reason; filters once typing stops. */
function SearchField(props: {
  q?: string;
  onChange: (q: string | undefined) => void;
}) {
  const { q, onChange } = props;
  const [text, setText] = useState(q ?? '');
  useEffect(() => {
    setText(current => (current.trim() === (q ?? '') ? current : q ?? ''));
  }, [q]);
  useDebounce(
    () => {
      const next = text.trim() || undefined;
      if (next !== q) onChange(next);
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );
  return (
    <TextField
      id="pragmatic-gitops-fleet-search"
      label="Search"
      placeholder="name, title, owner or reason"
      variant="outlined"
      size="small"
      type="search"
      value={text}
      onChange={event => setText(event.target.value)}
      inputProps={{ 'data-testid': 'pragmatic-gitops-search' }}
      style={{ minWidth: 280 }}
    />
  );
}

/** Track, status and owner filters of the fleet table. */
export function FleetFilterBar(props: {
  filters: FleetFilters;
  onChange: (change: Partial<FleetFilters>) => void;
}) {
  const { filters, onChange } = props;
  const active = Boolean(
    filters.track ||
      filters.status ||
      filters.owner ||
      filters.q ||
      filters.finding ||
      filters.hotfixes,
  );
  return (
    // On paper: the fields' grey labels are under 4.5:1 on the page's grey.
    <Paper variant="outlined">
      <Box
        p={2}
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 16 }}
      >
        <TextField
          select
          // The id ties the label to the native select (its accessible name).
          id="pragmatic-gitops-fleet-track"
          label="Track"
          variant="outlined"
          size="small"
          value={filters.track ?? ''}
          onChange={event =>
            onChange({
              track: (event.target.value || undefined) as FleetFilters['track'],
            })
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
          <option value="invalid">{NO_VALID_TRACK}</option>
        </TextField>
        <TextField
          select
          // The id ties the label to the native select (its accessible name).
          id="pragmatic-gitops-fleet-status"
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
        <SearchField q={filters.q} onChange={q => onChange({ q })} />
        <OwnerPicker
          owner={filters.owner}
          onChange={owner => onChange({ owner })}
        />
        {active && (
          <Button
            onClick={() =>
              onChange({
                track: undefined,
                status: undefined,
                owner: undefined,
                q: undefined,
                finding: undefined,
                hotfixes: undefined,
              })
            }
          >
            Clear filters
          </Button>
        )}
      </Box>
    </Paper>
  );
}
