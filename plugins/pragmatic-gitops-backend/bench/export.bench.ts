/*
 * yarn bench:export [--hotfixes 20000]
 *
 * Seeds a ledger (SQLite in memory) and streams GET /hotfixes/export's CSV
 * and JSON through the real store and writer to a local HTTP client, sampling
 * the heap while it runs. Prints rows, pages, bytes and peak heap growth;
 * asserts nothing.
 */
import express from 'express';
import knexFactory from 'knex';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { migrationsDir } from '../src/database/migrateDatabase';
import { seedLedger } from '../src/ledger/__testUtils__/seedLedger';
import {
  EXPORT_PAGE_SIZE,
  HotfixExportStore,
} from '../src/ledger/HotfixExportStore';
import { streamHotfixExport } from '../src/service/hotfixExport';

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const HOTFIXES = arg('hotfixes', 20_000);

async function main() {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  await knex.migrate.latest({ directory: migrationsDir });
  const start = Date.parse('2025-12-01T00:00:00Z');
  await seedLedger(
    knex,
    Array.from({ length: HOTFIXES }, (_, i) => ({
      entityRef: `component:default/service-${i % 500}`,
      appliedAt: new Date(start + i * 60_000),
      title: `Hotfix ${i}, "quoted"`,
      events: [
        {
          type: 'backported',
          status: 'backported',
          actor: 'user:default/bob',
          at: new Date(start + i * 60_000 + 3_600_000),
          detail: { url: 'https://github.com/acme/shop/pull/1' },
        },
      ],
    })),
  );

  const store = new HotfixExportStore(knex);
  let pages = 0;
  let livePeak = 0;
  const app = express();
  app.get('/export', async (req, res) => {
    async function* counted() {
      for await (const page of store.pages({})) {
        pages += 1;
        yield page;
        // The live heap after each page: what the export holds, garbage aside.
        global.gc?.();
        livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
      }
    }
    await streamHotfixExport(
      res,
      counted(),
      req.query.format === 'csv' ? 'csv' : 'json',
      'bench',
    );
  });
  const server = app.listen(0);
  const { port } = server.address() as AddressInfo;

  for (const format of ['csv', 'json']) {
    pages = 0;
    global.gc?.();
    const base = process.memoryUsage().heapUsed;
    livePeak = base;
    const began = performance.now();
    const bytes = await new Promise<number>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/export?format=${format}`, res => {
          let n = 0;
          res.on('data', chunk => {
            n += chunk.length;
          });
          res.on('end', () => resolve(n));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    const ms = performance.now() - began;
    console.log(
      `${format}: ${HOTFIXES} hotfixes (${
        HOTFIXES * 2
      } events), ${pages} pages of <= ${EXPORT_PAGE_SIZE}, ${(
        bytes / 1e6
      ).toFixed(1)} MB in ${ms.toFixed(
        0,
      )} ms; live heap after a page at most ${((livePeak - base) / 1e6).toFixed(
        1,
      )} MB above the start`,
    );
  }
  server.close();
  await knex.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
