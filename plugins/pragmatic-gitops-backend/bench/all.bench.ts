/*
 * yarn bench [--entities 2000] [--resources 20] [--large] [--seconds 8]
 *
 * Every figure of docs/performance.md in one run, printed as one table:
 * the engine alone, full scan and rescan on SQLite and PostgreSQL (and
 * 10,000 entities with --large), requests per entity per scan against a
 * local Kubernetes API and a local Argo CD API, and the HTTP figures next to the catalog's own
 * endpoints. Prints the machine's load average beside the figures, since
 * absolute timings on a shared machine are noisy: compare the ratios.
 */
import os from 'node:os';
import { benchmarkArgoCd } from './argocd.bench';
import { arg } from './benchSetup';
import { runDriftBench } from './drift.bench';
import { benchmarkEngine } from './engine.bench';
import { benchmarkHttp, Latency } from './http.bench';
import { benchmarkKubernetes } from './kubernetes.bench';

const ENTITIES = arg('entities', 2_000);
const RESOURCES = arg('resources', 20);
const LARGE = process.argv.includes('--large');

const rows: Array<[string, string]> = [];
const row = (figure: string, value: string) => {
  rows.push([figure, value]);
  console.error(`${figure}: ${value}`);
};
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () =>
  os
    .loadavg()
    .map(n => n.toFixed(1))
    .join(' / ');

function versus(ours: Latency, catalog: Latency): string {
  return `p50 ${ours.p50} ms, p99 ${ours.p99} ms vs catalog p50 ${
    catalog.p50
  } ms, p99 ${catalog.p99} ms (${(ours.p50 / Math.max(catalog.p50, 1)).toFixed(
    2,
  )}×); CPU ${ours.cpuMs} vs ${catalog.cpuMs} ms per request`;
}

async function main() {
  const started = new Date();
  const startLoad = load();
  const engine = await benchmarkEngine({
    entities: ENTITIES,
    resources: RESOURCES,
  });
  row(
    `engine alone, ${ENTITIES} × ${RESOURCES}`,
    `${engine.resourcesPerSecond} resources/s/core`,
  );

  for (const size of LARGE ? [ENTITIES, 10_000] : [ENTITIES]) {
    for (const f of await runDriftBench({
      entities: size,
      resources: RESOURCES,
      concurrency: 8,
    })) {
      row(
        `${f.database} ${size} × ${RESOURCES}: full scan / rescan`,
        `${s(f.scanMs)} / ${s(f.rescanMs)} (${f.failed} failed)`,
      );
      row(
        `${f.database} ${size} × ${RESOURCES}: overview store p50 / p95`,
        `${f.overviewP50.toFixed(1)} / ${f.overviewP95.toFixed(1)} ms`,
      );
      row(
        `${f.database} ${size} × ${RESOURCES}: rss before / after scan`,
        `${f.rssBeforeMiB} / ${f.rssAfterMiB} MiB`,
      );
    }
  }

  for (const labelled of [true, false]) {
    const k = await benchmarkKubernetes(labelled, { size: 500, quiet: true });
    row(
      `Kubernetes requests per entity per scan (${
        labelled ? 'labelled: LIST' : 'unlabelled: GET'
      })`,
      `${k.requestsPerEntity.toFixed(1)} (+ ${
        k.discovery
      } discovery per scan), scan of 500 in ${s(k.scanMs)}`,
    );
  }
  const argo = await benchmarkArgoCd({ size: 500, quiet: true });
  row(
    'Argo CD requests per entity per scan',
    `${argo.requestsPerEntity.toFixed(1)} (${argo.applicationPerEntity.toFixed(
      1,
    )} application + ${argo.managedResourcesPerEntity.toFixed(
      1,
    )} managed-resources, ${argo.kibPerEntity.toFixed(
      0,
    )} KiB), scan of 500 in ${s(argo.scanMs)}`,
  );

  const http = await benchmarkHttp({
    entities: ENTITIES,
    resources: RESOURCES,
    connections: 8,
    seconds: arg('seconds', 8),
  });
  row(
    `push (HTTP, 8 clients), first / steady`,
    `${http.firstPushResourcesPerSecond} / ${http.pushResourcesPerSecond} resources/s, p50 ${http.pushP50} ms each`,
  );
  row(
    'push → visible in entity status',
    `p50 ${http.pushToVisibleP50.toFixed(
      0,
    )} ms, p99 ${http.pushToVisibleP99.toFixed(0)} ms`,
  );
  row(
    'GET /entities/{kind}/{ns}/{name} vs catalog by-name (8 clients)',
    versus(http.entity, http.catalogByName),
  );
  row(
    'GET /overview?limit=50&status=drifted vs catalog by-query?limit=50',
    versus(http.overview, http.catalogByQuery),
  );
  row(
    'backend RSS before / after the HTTP load',
    `${http.rssBeforeMiB} / ${http.rssAfterMiB} MiB`,
  );

  console.log(
    `\n${started.toISOString()} · ${os.cpus().length} cores (${
      os.cpus()[0]?.model
    }) · load average ${startLoad} at start, ${load()} at end · Node ${
      process.version
    }\n`,
  );
  console.log('| figure | value |\n| --- | --- |');
  for (const [figure, value] of rows) console.log(`| ${figure} | ${value} |`);
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
