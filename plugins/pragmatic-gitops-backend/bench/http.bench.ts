/*
 * yarn bench:http [--entities 2000] [--resources 20] [--connections 8] [--seconds 8]
 *                 [--profile DIR]
 *
 * The real HTTP stack: a backend with the real catalog backend (the
 * yardstick, in the same process) and this plugin, on SQLite in memory. The
 * catalog holds a synthetic fleet whose manifests are `dir:` sources on disk.
 * Observations are pushed through POST /observations; then the entity and
 * overview endpoints are loaded with `autocannon` next to the catalog's
 * by-name and by-query endpoints, alternately, in the same run. Prints
 * figures; asserts nothing. `--profile DIR` writes a CPU profile of each read
 * load (`entity.cpuprofile`, `catalogByName.cpuprofile`, ...) to DIR.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogBackend from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import autocannon from 'autocannon';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { pragmaticGitopsPlugin } from '../src/plugin';
import { arg, percentile, syntheticFleet, timed, Fleet } from './benchSetup';
import { liveObject } from './syntheticFleet';

export type Latency = {
  p50: number;
  p99: number;
  rps: number;
  /**
   * CPU time of this process per request, milliseconds: server and load
   * clients alike, but unlike the latencies hardly moved by other processes
   * on a busy machine.
   */
  cpuMs: number;
};

export type HttpFigures = {
  entities: number;
  resources: number;
  catalogReadyMs: number;
  /** The first push of every entity, then a steady-state push of each again. */
  firstPushResourcesPerSecond: number;
  pushResourcesPerSecond: number;
  pushP50: number;
  pushToVisibleP50: number;
  pushToVisibleP99: number;
  entity: Latency;
  catalogByName: Latency;
  overview: Latency;
  catalogByQuery: Latency;
  rssBeforeMiB: number;
  rssAfterMiB: number;
};

const USER = mockCredentials.user.header('user:default/bench');
const SERVICE = mockCredentials.service.header();

/** Catalog files and `dir:` sources of the fleet under a fresh directory. */
function writeSources(fleet: Fleet): { root: string; entities: Entity[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pragmatic-gitops-http-'));
  const catalogFile = path.join(root, 'catalog', 'catalog-info.yaml');
  fs.mkdirSync(path.dirname(catalogFile), { recursive: true });
  fs.writeFileSync(catalogFile, '# entities come from the bench provider\n');
  const entities = fleet.entities.map(entity => {
    const name = entity.metadata.name;
    const dir = path.join(root, 'deploy', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'manifests.yaml'),
      fleet.desiredByName
        .get(name)!
        .map(object => stringify(object))
        .join('---\n'),
    );
    const { relations: _relations, ...rest } = entity;
    return {
      ...rest,
      metadata: {
        ...rest.metadata,
        annotations: {
          ...rest.metadata.annotations,
          'backstage.io/managed-by-location': `file:${catalogFile}`,
          'backstage.io/managed-by-origin-location': `file:${catalogFile}`,
          'pragmatic-gitops.io/source-location': `dir:../deploy/${name}`,
        },
      },
    };
  });
  return { root, entities };
}

/** Hands the fleet to the real catalog, as an entity provider would. */
function fleetProviderModule(entities: Entity[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-fleet',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'bench-fleet',
            connect: async connection => {
              await connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({
                  entity,
                  locationKey: 'bench-fleet',
                })),
              });
            },
          });
        },
      });
    },
  });
}

function observationBody(fleet: Fleet, index: number, drifted: boolean) {
  const name = fleet.entities[index].metadata.name;
  return JSON.stringify({
    entityRef: `component:default/${name}`,
    source: 'bench-agent',
    objects: fleet.desiredByName
      .get(name)!
      .map((object, k) => liveObject(object, k, drifted && k === 0)),
  });
}

async function load(
  url: string,
  options: {
    connections: number;
    seconds?: number;
    amount?: number;
    method?: 'GET' | 'POST';
    headers: Record<string, string>;
    /** Path and body of the n-th request. */
    request: (n: number) => { path: string; body?: string };
  },
): Promise<Latency & { errors: number; non2xx: number }> {
  let n = 0;
  const cpu = process.cpuUsage();
  const result = await autocannon({
    url,
    connections: options.connections,
    ...(options.amount
      ? { amount: options.amount }
      : { duration: options.seconds }),
    method: options.method ?? 'GET',
    headers: options.headers,
    requests: [
      {
        setupRequest: request => {
          const { path: p, body } = options.request(n++);
          return { ...request, path: p, ...(body ? { body } : {}) };
        },
      },
    ],
  });
  const { user, system } = process.cpuUsage(cpu);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    cpuMs:
      Math.round(
        ((user + system) / 1000 / Math.max(1, result.requests.total)) * 1000,
      ) / 1000,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Runs `work` under the CPU profiler when `dir` is set, writing `name.cpuprofile`. */
async function profiled<T>(
  dir: string | undefined,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${name}.cpuprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  }
}

async function waitForCatalog(url: string, size: number) {
  for (;;) {
    const response = await fetch(
      `${url}/api/catalog/entities/by-query?limit=1&filter=kind=component`,
      { headers: { Authorization: USER } },
    );
    const { totalItems } = (await response.json()) as { totalItems: number };
    if (totalItems >= size) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

export async function benchmarkHttp(options: {
  entities: number;
  resources: number;
  connections: number;
  seconds: number;
  /** A directory for CPU profiles of the read loads. */
  profile?: string;
}): Promise<HttpFigures> {
  const fleet = syntheticFleet(options.entities, options.resources);
  const { root, entities } = writeSources(fleet);
  const backend = await startTestBackend({
    features: [
      catalogBackend,
      fleetProviderModule(entities),
      pragmaticGitopsPlugin,
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          pragmaticGitops: { localSources: { roots: [root] } },
          catalog: { processingInterval: { hours: 1 } },
        },
      }),
    ],
  });
  try {
    const { port } = backend.server.address() as AddressInfo;
    const url = `http://localhost:${port}`;
    const ready = await timed(() => waitForCatalog(url, options.entities));
    const rssBefore = process.memoryUsage().rss;
    const size = options.entities;
    const ours = '/api/pragmatic-gitops';
    const name = (n: number) => fleet.entities[n % size].metadata.name;
    // Built before the clock starts: the client shares the backend's process,
    // so building bodies during the load would be counted against the push.
    const pushBodies = fleet.entities.map((_, i) =>
      observationBody(fleet, i, i % 10 === 0),
    );
    const push = () =>
      load(url, {
        connections: options.connections,
        amount: size,
        method: 'POST',
        headers: { Authorization: SERVICE, 'Content-Type': 'application/json' },
        request: n => ({
          path: `${ours}/observations`,
          body: pushBodies[n % size],
        }),
      });
    const first = await timed(push);
    const steady = await timed(push);

    // Push → visible: an observation changing the status, then the entity
    // page read until it shows the change.
    const visible: number[] = [];
    for (let i = 1; i < Math.min(size, 101); i += 2) {
      const drifted = i % 10 !== 0;
      const started = process.hrtime.bigint();
      await fetch(`${url}${ours}/observations`, {
        method: 'POST',
        headers: { Authorization: SERVICE, 'Content-Type': 'application/json' },
        body: observationBody(fleet, i, drifted),
      });
      for (;;) {
        const status = (await (
          await fetch(`${url}${ours}/entities/component/default/${name(i)}`, {
            headers: { Authorization: USER },
          })
        ).json()) as { drift: { status: string } };
        if ((status.drift.status === 'drifted') === drifted) break;
      }
      visible.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    visible.sort((a, b) => a - b);

    const read = (what: string, p: (n: number) => string) =>
      profiled(options.profile, what, () =>
        load(url, {
          connections: options.connections,
          seconds: options.seconds,
          headers: { Authorization: USER },
          request: n => ({ path: p(n) }),
        }),
      );
    // Each pair back to back, ours first then the catalog's.
    const entity = await read(
      'entity',
      n => `${ours}/entities/component/default/${name(n * 7)}`,
    );
    const catalogByName = await read(
      'catalogByName',
      n => `/api/catalog/entities/by-name/component/default/${name(n * 7)}`,
    );
    const overview = await read(
      'overview',
      () => `${ours}/overview?limit=50&status=drifted`,
    );
    const catalogByQuery = await read(
      'catalogByQuery',
      () => '/api/catalog/entities/by-query?limit=50',
    );
    const rssAfter = process.memoryUsage().rss;
    for (const [what, figures] of Object.entries({
      first: first.result,
      steady: steady.result,
      entity,
      catalogByName,
      overview,
      catalogByQuery,
    })) {
      if (figures.errors || figures.non2xx) {
        console.warn(
          `${what}: ${figures.errors} errors, ${figures.non2xx} non-2xx answers`,
        );
      }
    }
    const rate = (ms: number) =>
      Math.round((size * options.resources) / (ms / 1000));
    return {
      entities: size,
      resources: options.resources,
      catalogReadyMs: ready.ms,
      firstPushResourcesPerSecond: rate(first.ms),
      pushResourcesPerSecond: rate(steady.ms),
      pushP50: steady.result.p50,
      pushToVisibleP50: percentile(visible, 50),
      pushToVisibleP99: percentile(visible, 99),
      entity,
      catalogByName,
      overview,
      catalogByQuery,
      rssBeforeMiB: Math.round(rssBefore / 1048576),
      rssAfterMiB: Math.round(rssAfter / 1048576),
    };
  } finally {
    await backend.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const loadAverageAtStart = os.loadavg().map(n => +n.toFixed(2));
  benchmarkHttp({
    entities: arg('entities', 2_000),
    resources: arg('resources', 20),
    connections: arg('connections', 8),
    seconds: arg('seconds', 8),
    profile: process.argv.includes('--profile')
      ? process.argv[process.argv.indexOf('--profile') + 1]
      : undefined,
  }).then(
    figures => {
      const ratio = (ours: Latency, catalog: Latency) => ({
        p50: +(ours.p50 / Math.max(catalog.p50, 1)).toFixed(2),
        cpu: +(ours.cpuMs / catalog.cpuMs).toFixed(2),
      });
      console.log(
        JSON.stringify(
          {
            ...figures,
            versusCatalog: {
              entity: ratio(figures.entity, figures.catalogByName),
              overview: ratio(figures.overview, figures.catalogByQuery),
            },
            loadAverageAtStart,
            loadAverageAtEnd: os.loadavg().map(n => +n.toFixed(2)),
          },
          null,
          2,
        ),
      );
      // The catalog's processing loop keeps the event loop alive.
      process.exit(0);
    },
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
