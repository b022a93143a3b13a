/*
 * The database tests run on PostgreSQL and SQLite, but TestDatabases quietly
 * drops PostgreSQL when its connection string is missing. In CI that would
 * be a silent loss of coverage, so it is an error there.
 */
const POSTGRES = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

if (process.env.CI && !process.env[POSTGRES]) {
  throw new Error(
    `CI is set but ${POSTGRES} is not: the database tests would run on SQLite only. Set it to a PostgreSQL 15 connection string (.ci/run does), or unset CI to run on SQLite alone.`,
  );
}

export {};
