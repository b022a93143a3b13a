import IconButton from '@material-ui/core/IconButton';
import RefreshIcon from '@material-ui/icons/Refresh';
import { InfoCardVariants } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { HotfixesCard } from './HotfixesCard';
import { useEntityHotfixes } from './useEntityHotfixes';
import { useEntityStatusSignal } from '../../hooks/useEntityStatusSignal';

/** @public */
export interface EntityHotfixesCardProps {
  variant?: InfoCardVariants;
}

/**
 * Entity page card: the entity's hotfixes — open ones first — with their
 * status, overdue back-ports, who applied them and when, the reverted and
 * overdue alarms, and "Mark back-ported" / "Abandon" on open ones.
 *
 * @public
 */
export function EntityHotfixesCard(props: EntityHotfixesCardProps) {
  const { entity } = useEntity();
  const state = useEntityHotfixes(stringifyEntityRef(entity));
  // A status change may be a hotfix reverted, back-ported or recorded.
  useEntityStatusSignal(entity, state.retry);
  return (
    <HotfixesCard
      state={state}
      variant={props.variant}
      onChanged={hotfix => {
        state.update(hotfix);
        state.retry();
      }}
      action={
        <IconButton
          aria-label="Reload hotfixes"
          title="Reload"
          onClick={state.retry}
          disabled={state.loading}
        >
          <RefreshIcon />
        </IconButton>
      }
    />
  );
}
