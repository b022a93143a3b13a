import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';

/** One labelled value of the drift summary. */
export function SummaryField(props: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Grid item xs={12} sm={6} md={4} data-testid={props.testId}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}
