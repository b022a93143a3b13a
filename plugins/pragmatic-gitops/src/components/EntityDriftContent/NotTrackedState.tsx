import { CodeSnippet, EmptyState } from '@backstage/core-components';
import {
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_TRACK,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { TRACK_CHOICES } from '../../utils/trackChoices';

const SNIPPET = `metadata:
  annotations:
    ${ANNOTATION_TRACK}: declarative
    ${ANNOTATION_SOURCE_LOCATION}: url:https://github.com/org/deploy/tree/main/apps/my-service`;

/** The GitOps tab of an entity that Pragmatic GitOps does not track. */
export function NotTrackedState(props: { reason?: string }) {
  return (
    <div data-testid="pragmatic-gitops-drift-not-tracked">
      <EmptyState
        missing="field"
        title="Not tracked by Pragmatic GitOps"
        description={
          <>
            {props.reason && <>{props.reason} </>}
            Drift is compared once the entity says how it is deployed: add the
            annotation <code>{ANNOTATION_TRACK}</code> ({TRACK_CHOICES}) to its
            catalog-info.yaml, and the location of its manifests in Git to{' '}
            <code>{ANNOTATION_SOURCE_LOCATION}</code>.
          </>
        }
        action={<CodeSnippet language="yaml" text={SNIPPET} />}
      />
    </div>
  );
}
