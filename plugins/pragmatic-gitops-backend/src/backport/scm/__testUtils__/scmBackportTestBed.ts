/**
 * Call inside `describe`: what every back-port opener test needs, an msw
 * server for the mocked SCM, a SQLite database per test, and `start()`: a
 * mocked repository holding the demo manifests and the hotfix backend whose
 * entity reads its `url:` source from that repository's default branch.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import type { SetupServer } from 'msw/node';
import { PullRequestOpener } from '../PullRequestOpener';
import { scmSourceOf } from '../scmSource';
import {
  mockScmServer,
  startUrlSourceBackend,
  treeReader,
} from './urlSourceBackend';

export function scmBackportTestBed<Repo>(scm: {
  integrations: JsonObject;
  /** The mocked repository's default branch's files, as the UrlReader serves them. */
  mainFiles: (repo: Repo) => Map<string, string> | undefined;
  opener: (config: ConfigReader) => PullRequestOpener;
}) {
  const server = mockScmServer();
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex | undefined;
  return {
    server,
    knex: () => knex!,
    /** `repo` registers the mocked repository on the msw server. */
    async start(source: string, repo: (server: SetupServer) => Repo) {
      knex = await databases.init('SQLITE_3');
      const mocked = repo(server);
      // The source's directory in the mocked repository.
      const dir =
        scmSourceOf(source, 'github' in scm.integrations ? 'github' : 'gitlab')
          ?.path ?? '';
      const backend = await startUrlSourceBackend({
        knex,
        source,
        integrations: scm.integrations,
        reader: treeReader(() => scm.mainFiles(mocked), dir),
        opener: scm.opener,
      });
      return { ...backend, repo: mocked };
    },
  };
}
