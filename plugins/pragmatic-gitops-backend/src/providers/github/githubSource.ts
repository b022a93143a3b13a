/**
 * The GitHub repository behind an entity's source location:
 * `url:https://<host>/<owner>/<repo>[/tree|blob/<ref>/<path>]`.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_SOURCE_LOCATION,
  parseSourceLocation,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { isValidGithubOwner, isValidGithubRepo } from './githubNames';

export type GithubRepository = {
  host: string;
  owner: string;
  repo: string;
  /** `https://<host>/<owner>/<repo>`: what credentials are asked for. */
  url: string;
};

/** The repository, or a reason why the entity has none on GitHub. */
export function githubRepositoryOf(
  entity: Entity,
): { repository: GithubRepository } | { reason: string } {
  const value = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!value) {
    return { reason: `no ${ANNOTATION_SOURCE_LOCATION} annotation` };
  }
  let target: string;
  try {
    const location = parseSourceLocation(value);
    if (location.type !== 'url') {
      return {
        reason: `${location.type}: source locations have no remote repository`,
      };
    }
    target = location.target;
  } catch (error) {
    return { reason: (error as Error).message };
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { reason: 'source location is not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { reason: 'source location is not an http(s) URL' };
  }
  const [owner, rawRepo, kind] = url.pathname.split('/').filter(Boolean);
  const repo = rawRepo?.replace(/\.git$/, '');
  if (
    !owner ||
    !repo ||
    !isValidGithubOwner(owner) ||
    !isValidGithubRepo(repo) ||
    (kind !== undefined && kind !== 'tree' && kind !== 'blob')
  ) {
    return {
      reason: `source location ${url.origin}${url.pathname} is not a repository URL (https://<host>/<owner>/<repo>/tree/<branch>/<path>)`,
    };
  }
  return {
    repository: {
      host: url.host,
      owner,
      repo,
      url: `${url.protocol}//${url.host}/${owner}/${repo}`,
    },
  };
}
