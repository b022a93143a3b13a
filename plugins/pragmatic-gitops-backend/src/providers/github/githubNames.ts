/**
 * GitHub's own rules for the names that become API paths
 * (`/repos/{owner}/{repo}`), checked before any request is built from a
 * source URL: nothing else (`..`, `%2F`, spaces) may reach the path.
 */

/** Users and organisations: letters, digits and single inner hyphens, at most 39. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** Repositories: letters, digits, `-`, `_` and `.`, at most 100, never `.` or `..`. */
const REPO = /^[A-Za-z0-9_.-]{1,100}$/;

export function isValidGithubOwner(owner: string): boolean {
  return OWNER.test(owner);
}

export function isValidGithubRepo(repo: string): boolean {
  return REPO.test(repo) && repo !== '.' && repo !== '..';
}
