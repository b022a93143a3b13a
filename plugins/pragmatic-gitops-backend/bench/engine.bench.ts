/*
 * The drift engine alone, on one core: desired and live objects of the
 * synthetic fleet in memory, no providers, no database. Prints resources/s.
 */
import { computeDrift } from '../src/engine';
import { DEFAULT_GITOPS_FIELD_MANAGERS } from '../src/engine/types';
import { arg, syntheticFleet, timed } from './benchSetup';
import { liveObject } from './syntheticFleet';

export async function benchmarkEngine(options: {
  entities: number;
  resources: number;
}): Promise<{ resourcesPerSecond: number }> {
  const fleet = syntheticFleet(options.entities, options.resources);
  const inputs = fleet.entities.map((entity, i) => {
    const desired = fleet.desiredByName.get(entity.metadata.name)!;
    return {
      desired,
      live: {
        objects: desired.map((o, k) => liveObject(o, k, i % 10 === 0 && !k)),
      },
    };
  });
  const { ms } = await timed(async () => {
    for (const { desired, live } of inputs) {
      computeDrift({
        track: 'declarative',
        desired,
        live,
        ignoreRules: [],
        gitopsFieldManagers: DEFAULT_GITOPS_FIELD_MANAGERS,
      });
    }
  });
  return {
    resourcesPerSecond: Math.round(
      (options.entities * options.resources) / (ms / 1000),
    ),
  };
}

if (require.main === module) {
  benchmarkEngine({
    entities: arg('entities', 2_000),
    resources: arg('resources', 20),
  }).then(
    figures =>
      console.log(
        `engine alone: ${figures.resourcesPerSecond} resources/s on one core`,
      ),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
