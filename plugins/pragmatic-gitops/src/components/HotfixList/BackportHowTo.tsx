import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CopyTextButton } from '@backstage/core-components';
import { backportTrailer } from './hotfixLinks';

const useStyles = makeStyles(theme => ({
  trailer: {
    fontFamily: 'monospace',
    padding: theme.spacing(0.5, 1),
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
  },
}));

/**
 * How to back-port a hotfix: commit the change to the entity's source with
 * the `Backport-Of` trailer, which can be copied.
 */
export function BackportHowTo(props: { id: string }) {
  const classes = useStyles();
  const trailer = backportTrailer(props.id);
  return (
    <div data-testid="pragmatic-gitops-backport-howto">
      <Typography variant="subtitle2" component="h4">
        How to back-port
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Commit the same change to the entity&apos;s GitOps source and end the
        commit message (or the pull request&apos;s merge commit) with this
        trailer. When it lands, {props.id} is marked back-ported on its own.
      </Typography>
      <Box display="flex" alignItems="center" mt={1} style={{ gap: 8 }}>
        <code
          className={classes.trailer}
          data-testid="pragmatic-gitops-backport-trailer"
        >
          {trailer}
        </code>
        <CopyTextButton
          text={trailer}
          aria-label={`Copy ${trailer}`}
          tooltipText="Trailer copied"
        />
      </Box>
    </div>
  );
}
