/**
 * Where a secret value could end up, gathered for a search: every row of
 * every table of the plugin's database, every log line (a root logger that
 * records), and every response the test saw.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

/** A root logger that keeps every line, with its metadata, as text. */
export function recordingRootLogger() {
  const lines: string[] = [];
  const logger: LoggerService = {
    error: (message, meta) => lines.push(`${message} ${stringify(meta)}`),
    warn: (message, meta) => lines.push(`${message} ${stringify(meta)}`),
    info: (message, meta) => lines.push(`${message} ${stringify(meta)}`),
    debug: (message, meta) => lines.push(`${message} ${stringify(meta)}`),
    child: () => logger,
  };
  return { lines, rootLogger: mockServices.rootLogger.mock(logger as any) };
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v) =>
      v instanceof Error ? { message: v.message, stack: v.stack } : v,
    );
  } catch {
    return String(value);
  }
}

/** Every row of every table, as text (buffers decoded). */
export async function dumpDatabase(
  knex: Knex,
): Promise<Record<string, string>> {
  const client = String(knex.client.config.client);
  const tables: string[] = client.includes('sqlite')
    ? (
        await knex.raw(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
        )
      ).map((r: { name: string }) => r.name)
    : (
        await knex.raw(
          'select tablename from pg_tables where schemaname = current_schema()',
        )
      ).rows.map((r: { tablename: string }) => r.tablename);
  const dump: Record<string, string> = {};
  for (const table of tables) {
    const rows = await knex(table).select();
    dump[table] = JSON.stringify(rows, (_key, v) =>
      v && v.type === 'Buffer' && Array.isArray(v.data)
        ? Buffer.from(v.data).toString('utf8')
        : v,
    );
  }
  return dump;
}

/** The places (`where`) that hold any of the values, for a readable failure. */
export function findLeaks(
  places: Record<string, string>,
  values: string[],
): string[] {
  return Object.entries(places).flatMap(([where, text]) =>
    values
      .filter(v => text.includes(v))
      .map(v => {
        const at = text.indexOf(v);
        const context = text.slice(Math.max(0, at - 160), at + v.length + 20);
        return `${v} in ${where}: …${context}…`;
      }),
  );
}
