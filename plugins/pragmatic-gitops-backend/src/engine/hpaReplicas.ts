/**
 * Replicas managed by an autoscaler: a HorizontalPodAutoscaler (or a KEDA
 * ScaledObject, which creates one) declared in Git makes `/spec/replicas` of
 * its target emergent state.
 */
import { KubeObject } from './types';
import { ActiveRule } from './ignoreRules';
import { groupOf, namespaceOf } from './normalize';
import { isPlainObject } from './values';

type Target = { group?: string; namespace?: string; rule: string };

function scaleTarget(
  object: KubeObject,
): { apiVersion?: string; kind: string; name: string } | undefined {
  const group = groupOf(object.apiVersion);
  const isHpa =
    object.kind === 'HorizontalPodAutoscaler' && group === 'autoscaling';
  const isScaledObject = object.kind === 'ScaledObject' && group === 'keda.sh';
  if (!isHpa && !isScaledObject) {
    return undefined;
  }
  const spec = object.spec;
  const ref = isPlainObject(spec) ? spec.scaleTargetRef : undefined;
  if (!isPlainObject(ref) || typeof ref.name !== 'string' || ref.name === '') {
    return undefined;
  }
  let kind: string | undefined =
    typeof ref.kind === 'string' && ref.kind !== '' ? ref.kind : undefined;
  if (!kind && isScaledObject) {
    kind = 'Deployment'; // KEDA's default target kind
  }
  if (!kind) {
    return undefined;
  }
  return {
    apiVersion: typeof ref.apiVersion === 'string' ? ref.apiVersion : undefined,
    kind,
    name: ref.name,
  };
}

/** Finds the objects whose replicas an autoscaler in desired manages. */
export class AutoscaledReplicas {
  private readonly targets = new Map<string, Target[]>();

  constructor(
    desired: readonly KubeObject[],
    defaultNamespace: string | undefined,
  ) {
    for (const object of desired) {
      const target = scaleTarget(object);
      if (!target) {
        continue;
      }
      const key = `${target.kind}|${target.name}`;
      const list = this.targets.get(key) ?? [];
      list.push({
        group: target.apiVersion ? groupOf(target.apiVersion) : undefined,
        namespace: namespaceOf(object) ?? defaultNamespace,
        rule: `${object.kind}/${object.metadata.name}`,
      });
      this.targets.set(key, list);
    }
  }

  /** The rule making `/spec/replicas` emergent for this object, if any. */
  ruleFor(
    object: KubeObject,
    namespace: string | undefined,
  ): ActiveRule | undefined {
    if (this.targets.size === 0) {
      return undefined;
    }
    const candidates = this.targets.get(
      `${object.kind}|${object.metadata.name}`,
    );
    if (!candidates) {
      return undefined;
    }
    const group = groupOf(object.apiVersion);
    for (const target of candidates) {
      const groupMatches = target.group === undefined || target.group === group;
      const namespaceMatches =
        target.namespace === undefined ||
        namespace === undefined ||
        target.namespace === namespace;
      if (groupMatches && namespaceMatches) {
        return {
          pointer: '/spec/replicas',
          reason: 'hpa-managed-replicas',
          rule: target.rule,
        };
      }
    }
    return undefined;
  }
}
