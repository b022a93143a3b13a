/*
 * yarn bench:kubernetes [--entities 1000] [--resources 20] [--concurrency 8]
 *
 * One full drift scan of a synthetic fleet whose live state comes from the
 * Kubernetes provider only, against a local fake API server (in this
 * process) holding every entity's objects. Twice: once with the live
 * objects carrying the entity's label (the provider LISTs them), once
 * without (it GETs each desired object by name). Prints the requests per
 * entity per scan and the scan time; asserts nothing.
 */
import { KubernetesProvider } from '../src/providers/kubernetes';
import {
  BUILT_IN_KINDS,
  FLUX_FAKE_KINDS,
  startFakeKubernetesApi,
} from '../src/providers/kubernetes/__testUtils__/fakeKubernetesApi';
import {
  arg,
  benchLogger as logger,
  benchSecretDigest as secretDigest,
  printScanTimes,
  scanWithProvider,
  syntheticFleet,
} from './benchSetup';
import { fleetEntity, liveObject } from './syntheticFleet';

const ENTITIES = arg('entities', 1_000);
const RESOURCES = arg('resources', 20);
const CONCURRENCY = arg('concurrency', 8);
const CLUSTER_CONCURRENCY = arg('cluster-concurrency', 8);
const TOKEN = 'bench-token';

export type KubernetesFigures = {
  labelled: boolean;
  scanMs: number;
  /** LIST and GET requests per entity per scan (discovery is per scan). */
  requestsPerEntity: number;
  discovery: number;
};

/** One scan of `size` entities whose live state comes from the fake API server. */
export async function benchmarkKubernetes(
  labelled: boolean,
  { size = ENTITIES, quiet = false }: { size?: number; quiet?: boolean } = {},
): Promise<KubernetesFigures> {
  const fleet = syntheticFleet(size, RESOURCES, i => {
    const entity = fleetEntity(i);
    entity.metadata.annotations!['backstage.io/kubernetes-id'] =
      entity.metadata.name;
    return entity;
  });
  const { entities, desiredByName } = fleet;
  const live = entities.flatMap((entity, i) =>
    desiredByName.get(entity.metadata.name)!.map((object, k) => {
      const copy = liveObject(object, k, i % 10 === 0 && k === 0);
      if (labelled) {
        copy.metadata.labels = {
          ...copy.metadata.labels,
          'backstage.io/kubernetes-id': entity.metadata.name,
        };
      }
      return copy;
    }),
  );
  const api = await startFakeKubernetesApi({
    token: TOKEN,
    kinds: [...BUILT_IN_KINDS, ...FLUX_FAKE_KINDS],
    objects: live,
  });

  const kubernetes = new KubernetesProvider({
    clusters: [
      {
        name: 'bench',
        url: api.url,
        token: { value: TOKEN },
        skipTLSVerify: true,
      },
    ],
    settings: {
      enabled: true,
      concurrency: CLUSTER_CONCURRENCY,
      timeoutMs: 30_000,
    },
    logger,
    secretDigest,
  });
  let scanRequests: typeof api.requests = [];
  const scan = await scanWithProvider(fleet, kubernetes, {
    concurrency: CONCURRENCY,
    afterScan: () => {
      scanRequests = [...api.requests];
    },
  });
  await api.close();
  const requests = scanRequests.length;
  const discovery = scanRequests.filter(
    r => !r.path.includes('labelSelector') && !/\/namespaces\//.test(r.path),
  ).length;
  const lists = scanRequests.filter(r =>
    r.path.includes('labelSelector'),
  ).length;
  const gets = requests - lists - discovery;

  const figures = {
    labelled,
    scanMs: scan.summary.durationMs,
    requestsPerEntity: (lists + gets) / size,
    discovery,
  };
  if (quiet) return figures;
  console.log(
    `\n${
      labelled
        ? 'Objects carry the entity label (LIST)'
        : 'Objects carry no label (GET by name)'
    }: ${size} entities × ${RESOURCES} objects, scan concurrency ${CONCURRENCY}, ${CLUSTER_CONCURRENCY} requests in flight per cluster`,
  );
  printScanTimes(scan, size, CONCURRENCY);
  console.log(
    `  requests            ${requests} = ${discovery} discovery + ${lists} LIST + ${gets} GET`,
  );
  console.log(
    `  per entity per scan ${((lists + gets) / size).toFixed(
      1,
    )} (+ ${discovery} discovery per scan)`,
  );
  console.log(`  statuses            ${scan.statuses}`);
  return figures;
}

async function main() {
  await benchmarkKubernetes(true);
  await benchmarkKubernetes(false);
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
