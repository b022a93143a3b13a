/**
 * Where a `url:` source lives on its SCM: the repository, the branch the
 * source is read from and the directory inside it. GitHub:
 * `https://<host>/<owner>/<repo>[/tree|blob/<ref>[/<path>]]`; GitLab:
 * `https://<host>/<group>[/<subgroup>…]/<project>[/-/tree|blob/<ref>[/<path>]]`.
 * Branch names with a slash are read as branch + path (as Backstage's
 * readers do): name the branch without one.
 */
import {
  isValidGithubOwner,
  isValidGithubRepo,
} from '../../providers/github/githubNames';

export type ScmSource = {
  host: string;
  /** GitHub owner; GitLab: the project's path (`group/sub/project`). */
  owner: string;
  /** GitHub repository; GitLab: the project's last segment. */
  repo: string;
  /** `<host>/<owner>/<repo>`: how errors name it. */
  name: string;
  /** `https://<host>/<owner>/<repo>`: what credentials are asked for. */
  url: string;
  /** The source's branch; undefined means the default branch. */
  ref?: string;
  /** The source's directory in the repository, without slashes around it. */
  path: string;
};

const GITLAB_SEGMENT = /^[A-Za-z0-9_.-]+$/;

function isGitlabSegment(segment: string): boolean {
  return GITLAB_SEGMENT.test(segment) && segment !== '.' && segment !== '..';
}

export function scmSourceOf(
  sourceUrl: string,
  type: 'github' | 'gitlab',
): ScmSource | undefined {
  let url: URL;
  try {
    url = new URL(sourceUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  let repoSegments: string[];
  let rest: string[];
  if (type === 'github') {
    repoSegments = segments.slice(0, 2);
    rest = segments.slice(2);
  } else {
    const dash = segments.indexOf('-');
    repoSegments = dash >= 0 ? segments.slice(0, dash) : segments;
    rest = dash >= 0 ? segments.slice(dash + 1) : [];
  }
  repoSegments = repoSegments.map((s, i, all) =>
    i === all.length - 1 ? s.replace(/\.git$/, '') : s,
  );
  const [kind, ref, ...path] = rest;
  if (kind !== undefined && ((kind !== 'tree' && kind !== 'blob') || !ref)) {
    return undefined;
  }
  if (path.some(s => s === '.' || s === '..')) return undefined;
  const valid =
    type === 'github'
      ? repoSegments.length === 2 &&
        isValidGithubOwner(repoSegments[0]) &&
        isValidGithubRepo(repoSegments[1])
      : repoSegments.length >= 2 && repoSegments.every(isGitlabSegment);
  if (!valid) return undefined;
  const repo = repoSegments[repoSegments.length - 1];
  const owner = type === 'github' ? repoSegments[0] : repoSegments.join('/');
  const full = repoSegments.join('/');
  return {
    host: url.host,
    owner,
    repo,
    name: `${url.host}/${full}`,
    url: `${url.protocol}//${url.host}/${full}`,
    ...(ref ? { ref } : {}),
    path: path.join('/'),
  };
}
