import Typography from '@material-ui/core/Typography';
import { CodeSnippet } from '@backstage/core-components';
import { ANNOTATION_TRACK } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { TRACK_CHOICES } from '../../utils/trackChoices';

const SNIPPET = `metadata:
  annotations:
    ${ANNOTATION_TRACK}: declarative`;

/** Guidance for an entity without the track annotation. */
export function NotTrackedMessage() {
  return (
    <div data-testid="pragmatic-gitops-not-tracked">
      <Typography variant="subtitle1" gutterBottom>
        Not tracked by Pragmatic GitOps
      </Typography>
      <Typography variant="body2" paragraph>
        This entity does not say how it is deployed. Add the annotation{' '}
        <code>{ANNOTATION_TRACK}</code> to its catalog-info.yaml with one of{' '}
        {TRACK_CHOICES}:
      </Typography>
      <CodeSnippet language="yaml" text={SNIPPET} />
    </div>
  );
}
