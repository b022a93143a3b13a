import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  Finding,
  FindingSeverity,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** Severities loud enough to stand above the status, not below it. */
const BANNER_SEVERITIES: readonly FindingSeverity[] = [
  'critical',
  'error',
  'warning',
];

const TITLES: Record<FindingSeverity, string> = {
  critical: 'Critical finding',
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

const useStyles = makeStyles({
  // Findings name files and JSON pointers: long words wrap, never clip.
  message: { overflowWrap: 'anywhere', minWidth: 0 },
});

/** The findings a banner shows: critical, error and warning ones. */
export function bannerFindings(findings: Finding[]): Finding[] {
  return findings.filter(finding =>
    BANNER_SEVERITIES.includes(finding.severity),
  );
}

/**
 * Critical, error and warning findings as alerts, most severe first, so a
 * plaintext secret in Git is read before a green "In sync". Nothing when
 * there are none. Give findings already sorted (see `mergeFindings`).
 */
export function FindingsBanner(props: { findings: Finding[] }) {
  const classes = useStyles();
  const shown = bannerFindings(props.findings);
  if (shown.length === 0) {
    return null;
  }
  return (
    <Box
      display="flex"
      flexDirection="column"
      style={{ gap: 8 }}
      data-testid="pragmatic-gitops-findings-banner"
    >
      {shown.map((finding, index) => (
        <Alert
          key={`${finding.code}-${index}`}
          severity={finding.severity === 'warning' ? 'warning' : 'error'}
          classes={{ message: classes.message }}
          data-testid="pragmatic-gitops-findings-banner-item"
          data-severity={finding.severity}
        >
          <AlertTitle>{TITLES[finding.severity]}</AlertTitle>
          {finding.message}
          {finding.location && (
            <Box component="div" mt={0.5} fontFamily="monospace">
              {finding.location}
            </Box>
          )}
        </Alert>
      ))}
    </Box>
  );
}
