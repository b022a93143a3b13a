/**
 * The GitLab project behind an entity's source location:
 * `url:https://<host>/<group>[/<subgroup>…]/<project>[/-/tree|blob/<ref>/<path>]`.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_SOURCE_LOCATION,
  parseSourceLocation,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

export type GitlabProject = {
  host: string;
  /** `group/subgroup/project`, as the API takes it. */
  path: string;
  /** `https://<host>/<path>`: what credentials are asked for. */
  url: string;
};

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

export function gitlabProjectOf(
  entity: Entity,
): { project: GitlabProject } | { reason: string } {
  const value = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!value) {
    return { reason: `no ${ANNOTATION_SOURCE_LOCATION} annotation` };
  }
  let url: URL;
  try {
    const location = parseSourceLocation(value);
    if (location.type !== 'url') {
      return {
        reason: `${location.type}: source locations have no remote repository`,
      };
    }
    url = new URL(location.target);
  } catch (error) {
    return { reason: (error as Error).message };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { reason: 'source location is not an http(s) URL' };
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const dash = segments.indexOf('-');
  const projectSegments = (dash >= 0 ? segments.slice(0, dash) : segments).map(
    (segment, i, all) =>
      i === all.length - 1 ? segment.replace(/\.git$/, '') : segment,
  );
  if (
    projectSegments.length < 2 ||
    projectSegments.some(s => !SEGMENT.test(s) || s === '.' || s === '..')
  ) {
    return {
      reason: `source location ${url.origin}${url.pathname} is not a GitLab project URL (https://<host>/<group>/<project>/-/tree/<branch>/<path>)`,
    };
  }
  const path = projectSegments.join('/');
  return {
    project: {
      host: url.host,
      path,
      url: `${url.protocol}//${url.host}/${path}`,
    },
  };
}
