/**
 * Which drift is explained by an open hotfix: a difference is explained when
 * a hotfix change names its resource and a path at or above it (or no path:
 * the whole resource). Entity status `explained` means every counting
 * difference, missing and extra resource is explained.
 */
import { Difference, ResourceDrift } from '../../engine';
import { isSameOrBelow } from '../../engine/jsonPointer';
import { HotfixChange, PENDING_BACKPORT } from './types';

export type ExplainedDifference = Difference & { explainedBy?: string };

export type ExplainedResourceDrift = Omit<ResourceDrift, 'differences'> & {
  /** Set on missing/extra resources a whole-resource change accounts for. */
  explainedBy?: string;
  differences: ExplainedDifference[];
};

export type ExplainingHotfix = {
  id: string;
  changes: HotfixChange[];
  /** When given, only `pending-backport` hotfixes explain anything. */
  status?: string;
};

export type ExplainedDrift = {
  resources: ExplainedResourceDrift[];
  /** At least one counting difference/missing/extra, and all explained. */
  allExplained: boolean;
};

type Cover = { id: string; paths: string[] | undefined };

function coversResource(change: HotfixChange, resource: ResourceDrift) {
  return (
    change.kind === resource.kind &&
    change.name === resource.name &&
    (!change.namespace || change.namespace === resource.namespace)
  );
}

/** Paths of a change; `undefined` when it covers the whole resource. */
function coverPaths(change: HotfixChange): string[] | undefined {
  const paths = Array.isArray(change.paths)
    ? change.paths.filter((p): p is string => typeof p === 'string')
    : [];
  return paths.length === 0 || paths.includes('') ? undefined : paths;
}

export function explainDrift(
  resources: readonly ResourceDrift[],
  openHotfixes: readonly ExplainingHotfix[],
): ExplainedDrift {
  const open = openHotfixes.filter(
    hotfix => hotfix.status === undefined || hotfix.status === PENDING_BACKPORT,
  );
  let counting = 0;
  let explained = 0;

  const result = resources.map(resource => {
    const covers: Cover[] = [];
    for (const hotfix of open) {
      for (const change of Array.isArray(hotfix.changes)
        ? hotfix.changes
        : []) {
        if (coversResource(change, resource)) {
          covers.push({ id: hotfix.id, paths: coverPaths(change) });
        }
      }
    }
    const differences: ExplainedDifference[] = (resource.differences ?? []).map(
      difference => {
        const by = covers.find(
          cover =>
            !cover.paths ||
            cover.paths.some(path => isSameOrBelow(difference.path, path)),
        );
        return by ? { ...difference, explainedBy: by.id } : { ...difference };
      },
    );
    const copy: ExplainedResourceDrift = {
      ...resource,
      differences,
      ignored: [...(resource.ignored ?? [])],
    };
    if (resource.status === 'missing' || resource.status === 'extra') {
      counting += 1;
      const by = covers.find(cover => !cover.paths);
      if (by) {
        copy.explainedBy = by.id;
        explained += 1;
      }
    } else {
      counting += differences.length;
      explained += differences.filter(d => d.explainedBy).length;
    }
    return copy;
  });

  return {
    resources: result,
    allExplained: counting > 0 && explained === counting,
  };
}
