import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_TRACK,
  AnnotationProblem,
  parseTrack,
  TRACK_DESCRIPTIONS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { InvalidTrackMessage } from './InvalidTrackMessage';
import { NotTrackedMessage } from './NotTrackedMessage';
import { TrackChip } from './TrackChip';

/**
 * The entity's track as its annotation declares it: a chip and what the
 * track means, or what to do when the annotation is missing or invalid.
 * Read from the entity itself, so it never waits for the backend.
 */
export function TrackSummary(props: {
  annotations: Record<string, string> | undefined;
  problems: AnnotationProblem[];
}) {
  const value = props.annotations?.[ANNOTATION_TRACK];
  if (value === undefined) {
    return <NotTrackedMessage />;
  }
  const problem = props.problems.find(p => p.annotation === ANNOTATION_TRACK);
  if (problem) {
    return <InvalidTrackMessage problem={problem} />;
  }
  const track = parseTrack(value);
  return (
    <>
      <Box mb={1}>
        <TrackChip track={track} />
      </Box>
      <Typography
        variant="body2"
        data-testid="pragmatic-gitops-track-description"
      >
        {TRACK_DESCRIPTIONS[track].description}
      </Typography>
    </>
  );
}
