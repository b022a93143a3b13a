import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { GithubPullRequestOpener } from './GithubPullRequestOpener';
import { GitlabPullRequestOpener } from './GitlabPullRequestOpener';
import { PullRequestOpener } from './PullRequestOpener';

/** The pull request openers of the hosts configured under `integrations`. */
export function createPullRequestOpeners(
  config: Config,
  options: { logger?: LoggerService } = {},
): PullRequestOpener[] {
  return [
    GithubPullRequestOpener.fromConfig(config, options),
    GitlabPullRequestOpener.fromConfig(config, options),
  ];
}
