import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  InfoCardVariants,
  Progress,
} from '@backstage/core-components';
import { Hotfix } from '../../api/types';
import { useDoneMessage } from '../DoneMessage';
import { RetryableError } from '../RetryableError';
import { HotfixBanners } from './HotfixBanners';
import { HotfixRow } from './HotfixRow';
import { isOpen } from './sortHotfixes';
import { EntityHotfixesState } from './useEntityHotfixes';
import { plural } from '../../utils/plural';
import { CARD_TITLE } from '../../utils/cardTitle';

function subheader(hotfixes: Hotfix[] | undefined): string | undefined {
  if (!hotfixes) {
    return undefined;
  }
  const open = hotfixes.filter(isOpen).length;
  const overdue = hotfixes.filter(h => isOpen(h) && h.overdue).length;
  return [
    `${plural(open, 'back-port')} pending`,
    ...(overdue ? [`${overdue} overdue`] : []),
    `${hotfixes.length} in total`,
  ].join(' · ');
}

/**
 * The entity's hotfix ledger: the alarms (unless shown elsewhere on the
 * page), then every hotfix, open ones first, each expandable to its
 * details and history.
 */
export function HotfixesCard(props: {
  state: EntityHotfixesState;
  onChanged: (hotfix: Hotfix) => void;
  /** False when the page shows the banners itself, higher up. */
  showBanners?: boolean;
  action?: ReactNode;
  variant?: InfoCardVariants;
}) {
  const { hotfixes, loading, error } = props.state;
  const [doneMessage, showDone] = useDoneMessage();
  // The message lives here: the row's buttons go once the hotfix is closed.
  const onChanged = (hotfix: Hotfix, done: string) => {
    showDone(done);
    props.onChanged(hotfix);
  };
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE}
      title="Hotfixes"
      subheader={subheader(hotfixes)}
      action={props.action}
      variant={props.variant}
    >
      <div data-testid="pragmatic-gitops-hotfixes">
        {loading && !hotfixes && <Progress />}
        {error && (
          <RetryableError
            inline
            what="the hotfixes"
            error={error}
            onRetry={props.state.retry}
          />
        )}
        {hotfixes && props.showBanners !== false && (
          <Box mb={2}>
            <HotfixBanners hotfixes={hotfixes} onChanged={props.onChanged} />
          </Box>
        )}
        {hotfixes && hotfixes.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No hotfixes recorded. Changed something in production by hand?
            Record it, so it is back-ported to Git instead of reverted.
          </Typography>
        )}
        {hotfixes && hotfixes.length > 0 && (
          <TableContainer>
            <Table size="small" aria-label="Hotfixes">
              <TableHead style={{ whiteSpace: 'nowrap' }}>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>ID</TableCell>
                  <TableCell>Title</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell>Applied by</TableCell>
                  <TableCell>Applied</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {hotfixes.map(hotfix => (
                  <HotfixRow
                    key={hotfix.id}
                    hotfix={hotfix}
                    onChanged={onChanged}
                  />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {doneMessage}
      </div>
    </InfoCard>
  );
}
