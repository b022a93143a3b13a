import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ErrorIcon from '@material-ui/icons/Error';
import {
  ANNOTATION_TRACK,
  AnnotationProblem,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** The track annotation is there but cannot be read. */
export function InvalidTrackMessage(props: { problem: AnnotationProblem }) {
  return (
    <Box
      display="flex"
      alignItems="flex-start"
      role="alert"
      data-testid="pragmatic-gitops-invalid-track"
    >
      <Box mr={1} color="error.main" display="flex">
        <ErrorIcon titleAccess="Error" />
      </Box>
      <div>
        <Typography variant="subtitle1" color="error">
          Invalid annotation <code>{ANNOTATION_TRACK}</code>
        </Typography>
        <Typography variant="body2">{props.problem.message}</Typography>
      </div>
    </Box>
  );
}
