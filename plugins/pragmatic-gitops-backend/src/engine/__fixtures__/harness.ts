/** Helpers for the table-driven engine tests. */
import {
  DEFAULT_GITOPS_FIELD_MANAGERS,
  DriftInput,
  DriftResult,
  KubeObject,
} from '../types';

export function driftInput(partial: Partial<DriftInput>): DriftInput {
  return {
    track: 'declarative',
    desired: [],
    live: {},
    ignoreRules: [],
    gitopsFieldManagers: DEFAULT_GITOPS_FIELD_MANAGERS,
    ...partial,
  };
}

/** Returns the object after applying a mutation to it (fixtures are fresh objects). */
export function edit<T extends KubeObject>(
  object: T,
  change: (o: any) => void,
): T {
  change(object);
  return object;
}

/** A compact, order-preserving view of a result that tables can state exactly. */
export function summarize(result: DriftResult) {
  return {
    status: result.status,
    resources: result.resources.map(
      r => `${r.kind}/${r.namespace ?? '-'}/${r.name} ${r.status}`,
    ),
    differences: result.resources.flatMap(r =>
      r.differences.map(
        d =>
          `${r.kind}/${r.name} ${d.path}${
            d.removedFromGit ? ` (${d.removedFromGit})` : ''
          }${d.masked ? ' [masked]' : ''}`,
      ),
    ),
    ignored: result.resources.flatMap(r =>
      r.ignored.map(
        i =>
          `${r.kind}/${r.name} ${i.path} ${i.reason}${
            i.rule ? ` ${i.rule}` : ''
          }`,
      ),
    ),
  };
}
