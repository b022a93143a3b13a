import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { Finding } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { FindingsList } from '../EntityTrackCard/FindingsList';
import { CARD_TITLE } from '../../utils/cardTitle';

/** The entity's findings, most severe first, in a card. */
export function FindingsCard(props: { findings: Finding[] }) {
  return (
    <InfoCard titleTypographyProps={CARD_TITLE} title="Findings">
      <div data-testid="pragmatic-gitops-findings">
        {props.findings.length > 0 ? (
          <FindingsList findings={props.findings} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No findings.
          </Typography>
        )}
      </div>
    </InfoCard>
  );
}
