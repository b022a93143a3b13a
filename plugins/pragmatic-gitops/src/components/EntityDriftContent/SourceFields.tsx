import Link from '@material-ui/core/Link';
import { EntityDrift } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { SummaryField } from './SummaryField';
import { wordingOf } from './terraformWording';

/** Git and live sources; older backends send only `<git> ↔ <live>`. */
export function splitSources(drift: EntityDrift): {
  git?: string;
  live?: string;
} {
  if (drift.gitSource || drift.liveSource) {
    return { git: drift.gitSource, live: drift.liveSource };
  }
  const [git, live] = (drift.source ?? '').split(' ↔ ');
  return live === undefined ? { live: git || undefined } : { git, live };
}

/** A `url:` location (or a bare URL) as a link; anything else as text. */
function GitSource(props: { source: string }) {
  const url = props.source.replace(/^url:/, '');
  if (/^https?:\/\//.test(url)) {
    return (
      <Link href={url} target="_blank" rel="noopener noreferrer">
        {url}
      </Link>
    );
  }
  return <code>{props.source}</code>;
}

/** Where the desired state (Git) and the live state came from, apart. */
export function SourceFields(props: { drift: EntityDrift }) {
  const { git, live } = splitSources(props.drift);
  const words = wordingOf(props.drift);
  return (
    <>
      {git && (
        <SummaryField
          label={words.gitSource}
          testId="pragmatic-gitops-git-source"
        >
          <span style={{ overflowWrap: 'anywhere' }}>
            <GitSource source={git} />
          </span>
        </SummaryField>
      )}
      {live && (
        <SummaryField
          label={words.liveSource}
          testId="pragmatic-gitops-live-source"
        >
          <code style={{ overflowWrap: 'anywhere' }}>{live}</code>
        </SummaryField>
      )}
    </>
  );
}
