import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { BackportField, HotfixBackport } from '../../api/types';
import { backportTrailer } from '../HotfixList/hotfixLinks';
import { UnifiedDiff } from '../UnifiedDiff';
import { BackportRefusals } from './BackportRefusals';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(3) },
  mono: { fontFamily: 'monospace' },
}));

/** The fields written, by file, in the order the backend gave them. */
function byFile(written: BackportField[]): Array<[string, string[]]> {
  const files = new Map<string, string[]>();
  for (const field of written) {
    files.set(field.file, [...(files.get(field.file) ?? []), field.path]);
  }
  return [...files];
}

function ChangedFiles(props: { written: BackportField[] }) {
  const classes = useStyles();
  const files = byFile(props.written);
  return (
    <div data-testid="pragmatic-gitops-backport-files">
      <Typography variant="subtitle2" component="h3">
        {files.length === 1
          ? 'Changes 1 file'
          : `Changes ${files.length} files`}
      </Typography>
      <ul className={classes.list} aria-label="Changed files">
        {files.map(([file, paths]) => (
          <li key={file}>
            <span className={classes.mono}>{file}</span>
            {': '}
            {paths.map((path, i) => (
              <span key={`${path}-${i}`}>
                {i > 0 && ', '}
                <code>{path}</code>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PullRequest(props: {
  pullRequest: NonNullable<HotfixBackport['pullRequest']>;
  hotfixId: string;
}) {
  const { pullRequest, hotfixId } = props;
  return (
    <div data-testid="pragmatic-gitops-backport-pr">
      <Typography variant="body1">
        {pullRequest.created
          ? 'Opened a pull request: '
          : 'A back-port pull request is already open: '}
        <Link href={pullRequest.url} target="_blank" rel="noopener noreferrer">
          Pull request #{pullRequest.number}
        </Link>
        {pullRequest.created ? '' : ' (already open)'}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        From branch <code>{pullRequest.branch}</code>, its commit carrying{' '}
        <code>{backportTrailer(hotfixId)}</code>. Review and merge it:{' '}
        {hotfixId} is then marked back-ported on its own.
      </Typography>
    </div>
  );
}

function PatchIntro(props: { diff?: string; hotfixId: string }) {
  if (!props.diff) {
    return (
      <Typography variant="body1" data-testid="pragmatic-gitops-backport-empty">
        Nothing to write: no field of {props.hotfixId} can be back-ported
        automatically.
      </Typography>
    );
  }
  return (
    <Typography variant="body1">
      The entity&apos;s desired state is a local directory, so here is the patch
      instead of a pull request: apply it (<code>git apply</code>) and commit it
      with the trailer <code>{backportTrailer(props.hotfixId)}</code>.
    </Typography>
  );
}

/**
 * What the back-port produced: the pull request it opened (or found open),
 * or the patch to copy; the files it changes; and the fields left to the
 * user, with why.
 */
export function BackportResult(props: { backport: HotfixBackport }) {
  const classes = useStyles();
  const { backport } = props;
  const isPullRequest = backport.type === 'pull-request';
  return (
    <div
      data-testid="pragmatic-gitops-backport-result"
      data-type={backport.type}
    >
      {isPullRequest && backport.pullRequest ? (
        <PullRequest
          pullRequest={backport.pullRequest}
          hotfixId={backport.hotfixId}
        />
      ) : (
        <PatchIntro diff={backport.diff} hotfixId={backport.hotfixId} />
      )}
      {backport.written.length > 0 && (
        <div className={classes.section}>
          <ChangedFiles written={backport.written} />
        </div>
      )}
      {!isPullRequest && backport.diff && (
        <div className={classes.section}>
          <UnifiedDiff
            diff={backport.diff}
            label={`Back-port of ${backport.hotfixId}`}
          />
        </div>
      )}
      {backport.refused.length > 0 && (
        <div className={classes.section}>
          <BackportRefusals refused={backport.refused} />
        </div>
      )}
    </div>
  );
}
