import { Knex } from 'knex';

/** A back-port pull request the ledger remembers for a hotfix. */
export type RememberedPullRequest = {
  repository: string;
  url: string;
  number: number;
  branch: string;
};

/**
 * The ledger's memory of back-port pull requests (insert-only): the newest
 * row of a hotfix is its current pull request.
 */
export class BackportPullRequestStore {
  constructor(private readonly db: Knex) {}

  async latest(hotfixSeq: number): Promise<RememberedPullRequest | undefined> {
    const row = await this.db('hotfix_backport_pull_requests')
      .where('hotfix_id', hotfixSeq)
      .orderBy('id', 'desc')
      .first('repository', 'url', 'number', 'branch');
    return row
      ? {
          repository: row.repository,
          url: row.url,
          number: Number(row.number),
          branch: row.branch,
        }
      : undefined;
  }

  async remember(
    hotfixSeq: number,
    pullRequest: RememberedPullRequest,
    openedBy: string,
    openedAt: Date,
  ): Promise<void> {
    await this.db('hotfix_backport_pull_requests').insert({
      hotfix_id: hotfixSeq,
      ...pullRequest,
      opened_by: openedBy,
      opened_at: openedAt,
    });
  }
}
