/*
 * yarn bench:argocd [--entities 1000] [--resources 20] [--concurrency 8]
 *                   [--instance-concurrency 4]
 *
 * One full drift scan of a synthetic fleet whose live state comes from the
 * Argo CD provider only, configured (as in production, from app-config) with
 * one instance: a local stub Argo CD API in this process serving one
 * application per entity (`argocd/app-name`), its managed resources being
 * the entity's desired objects and their live copies. Prints the requests
 * per entity per scan, per endpoint, the bytes read and the scan time;
 * asserts nothing.
 */
import { ConfigReader } from '@backstage/config';
import {
  ArgoCdProvider,
  DEFAULT_ARGOCD_CONCURRENCY,
} from '../src/providers/argocd';
import {
  FakeArgoCdApplication,
  startFakeArgoCdApi,
} from '../src/providers/argocd/__testUtils__/fakeArgoCdApi';
import {
  arg,
  benchLogger as logger,
  printScanTimes,
  scanWithProvider,
  syntheticFleet,
} from './benchSetup';
import { fleetEntity, liveObject } from './syntheticFleet';

const ENTITIES = arg('entities', 1_000);
const RESOURCES = arg('resources', 20);
const CONCURRENCY = arg('concurrency', 8);
const INSTANCE_CONCURRENCY = arg(
  'instance-concurrency',
  DEFAULT_ARGOCD_CONCURRENCY,
);
const TOKEN = 'bench-argocd-token';

export type ArgoCdFigures = {
  scanMs: number;
  /** Requests per entity per scan, all endpoints. */
  requestsPerEntity: number;
  /** `GET /api/v1/applications/{name}` per entity per scan. */
  applicationPerEntity: number;
  /** `GET /api/v1/applications/{name}/managed-resources` per entity per scan. */
  managedResourcesPerEntity: number;
  kibPerEntity: number;
};

/** One scan of `size` entities whose live state comes from the stub Argo CD. */
export async function benchmarkArgoCd({
  size = ENTITIES,
  quiet = false,
}: { size?: number; quiet?: boolean } = {}): Promise<ArgoCdFigures> {
  const fleet = syntheticFleet(size, RESOURCES, i => {
    const entity = fleetEntity(i);
    entity.metadata.annotations!['argocd/app-name'] = entity.metadata.name;
    return entity;
  });
  // One entity in ten has its first object changed by hand.
  const applications = new Map<string, FakeArgoCdApplication>(
    fleet.entities.map((entity, i) => {
      const drifted = i % 10 === 0;
      const desired = fleet.desiredByName.get(entity.metadata.name)!;
      return [
        entity.metadata.name,
        {
          status: {
            sync: drifted ? 'OutOfSync' : 'Synced',
            revision: '3f1c2e9',
            health: 'Healthy',
            operation: 'Succeeded',
          },
          resources: desired.map((target, k) => ({
            target,
            live: liveObject(target, k, drifted && k === 0),
            status: drifted && k === 0 ? 'OutOfSync' : 'Synced',
            health: 'Healthy',
          })),
        },
      ];
    }),
  );
  const api = await startFakeArgoCdApi({ token: TOKEN, applications });
  const argocd = ArgoCdProvider.fromConfig(
    new ConfigReader({
      pragmaticGitops: {
        argocd: {
          instances: [
            {
              name: 'bench',
              baseUrl: api.url,
              token: TOKEN,
              concurrency: INSTANCE_CONCURRENCY,
              timeoutMs: 30_000,
            },
          ],
        },
      },
    }),
    { logger },
  );

  let scanRequests: string[] = [];
  let scanBytes = 0;
  const scan = await scanWithProvider(fleet, argocd, {
    concurrency: CONCURRENCY,
    afterScan: () => {
      scanRequests = [...api.requests];
      scanBytes = api.bytesSent();
    },
  });
  await api.close();
  const managedResources = scanRequests.filter(r =>
    r.endsWith('/managed-resources'),
  ).length;
  const application = scanRequests.filter(r =>
    /^GET \/api\/v1\/applications\/[^/]+$/.test(r),
  ).length;
  const other = scanRequests.length - managedResources - application;

  const figures = {
    scanMs: scan.summary.durationMs,
    requestsPerEntity: scanRequests.length / size,
    applicationPerEntity: application / size,
    managedResourcesPerEntity: managedResources / size,
    kibPerEntity: scanBytes / 1024 / size,
  };
  if (quiet) return figures;
  console.log(
    `\nArgo CD (one instance, stub API): ${size} entities × ${RESOURCES} managed resources, scan concurrency ${CONCURRENCY}, ${INSTANCE_CONCURRENCY} requests in flight per instance`,
  );
  printScanTimes(scan, size, CONCURRENCY);
  console.log(
    `  requests            ${scanRequests.length} = ${application} GET application + ${managedResources} GET managed-resources + ${other} other`,
  );
  console.log(
    `  per entity per scan ${figures.requestsPerEntity.toFixed(
      1,
    )} (${figures.applicationPerEntity.toFixed(
      1,
    )} application + ${figures.managedResourcesPerEntity.toFixed(
      1,
    )} managed-resources), ${figures.kibPerEntity.toFixed(1)} KiB read`,
  );
  console.log(`  statuses            ${scan.statuses}`);
  return figures;
}

if (require.main === module) {
  benchmarkArgoCd().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
