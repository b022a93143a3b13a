import Box from '@material-ui/core/Box';
import {
  DRIFT_STATUSES,
  DriftStatus,
  Track,
  TRACK_DESCRIPTIONS,
  TRACKS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { FleetOverview } from '../../api/types';
import { DriftStatusChip } from '../DriftStatusChip';
import { findingTiles, hotfixTiles } from './attentionTiles';
import { CountTile, CountTiles } from './CountTiles';
import { FleetFilters, HotfixFilter } from './useFleetFilters';

/** What the whole page calls an entity whose track annotation is not a track. */
export const NO_VALID_TRACK = 'No valid track';

function trackTiles(byTrack: Record<string, number>): CountTile[] {
  const known: CountTile[] = TRACKS.map(track => ({
    value: track,
    label: `${TRACK_DESCRIPTIONS[track].letter} · ${TRACK_DESCRIPTIONS[track].title}`,
    count: byTrack[track] ?? 0,
  }));
  const others: CountTile[] = Object.entries(byTrack)
    .filter(([key]) => !(TRACKS as readonly string[]).includes(key))
    .map(([key, count]) => ({
      value: key,
      label: key === 'invalid' ? NO_VALID_TRACK : key,
      count,
      // Only `invalid` is a filter the backend knows.
      disabled: key !== 'invalid',
      alarm: 'warning' as const,
    }));
  return [...known, ...others];
}

function statusTiles(byStatus: Record<string, number>): CountTile[] {
  return DRIFT_STATUSES.map(status => ({
    value: status,
    label: <DriftStatusChip status={status} focusable={false} />,
    count: byStatus[status] ?? 0,
  }));
}

/**
 * Fleet totals by track and by status (for the owner filter, if any) as
 * tiles that set the track or status filter; then, when the backend sends
 * them, hotfixes owed to Git and secret and stateful findings.
 */
export function FleetTotals(props: {
  totals: FleetOverview['totals'];
  filters: FleetFilters;
  onChange: (change: Partial<FleetFilters>) => void;
}) {
  const { hotfixes, findings } = props.totals;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 24 }}>
      <CountTiles
        name="track"
        title="By track"
        tiles={trackTiles(props.totals.byTrack)}
        selected={props.filters.track}
        onSelect={value =>
          props.onChange({ track: value as Track | 'invalid' | undefined })
        }
      />
      <CountTiles
        name="status"
        title="By status"
        tiles={statusTiles(props.totals.byStatus)}
        selected={props.filters.status}
        onSelect={value =>
          props.onChange({ status: value as DriftStatus | undefined })
        }
      />
      {hotfixes && (
        <CountTiles
          name="hotfixes"
          title="Hotfixes"
          tiles={hotfixTiles(hotfixes)}
          selected={props.filters.hotfixes}
          onSelect={value =>
            props.onChange({ hotfixes: value as HotfixFilter | undefined })
          }
        />
      )}
      {findings && findingTiles(findings).length > 0 && (
        <CountTiles
          name="findings"
          title="Findings"
          tiles={findingTiles(findings)}
          selected={props.filters.finding}
          onSelect={value =>
            props.onChange({
              finding: value as FleetFilters['finding'] | undefined,
            })
          }
        />
      )}
    </Box>
  );
}
