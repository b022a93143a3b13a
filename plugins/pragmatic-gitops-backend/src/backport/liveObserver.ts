import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { KubeObject, LiveState } from '../engine/types';
import { redactLiveState, redactObject } from '../observations/redactSecrets';
import { SecretDigest } from '../observations/secretDigest';
import { EntityScanner } from '../scan/EntityScanner';

/**
 * The live state a back-port writes from: what the scanner's providers
 * observe now, redacted, so secret values reach the patch writer only as
 * digests (which it refuses).
 */
export function liveObserver(
  scanner: Pick<EntityScanner, 'observeLive'>,
  secretDigest: SecretDigest,
) {
  return async (
    entity: Entity,
    context: { desired: KubeObject[]; defaultNamespace?: string },
  ): Promise<LiveState | undefined> => {
    const outcome = await scanner.observeLive(
      entity,
      stringifyEntityRef(entity),
      {
        desired: context.desired.map(o => redactObject(o, secretDigest)),
        defaultNamespace: context.defaultNamespace,
      },
    );
    return outcome.type === 'observed'
      ? redactLiveState(outcome.live, secretDigest)
      : undefined;
  };
}
