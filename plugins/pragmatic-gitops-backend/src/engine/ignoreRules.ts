/**
 * Ignore rules: differences at or below a rule's pointer exist but do not
 * count. They are reported in `ignored`, without values.
 */
import { IgnoreRule } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { Difference, IgnoredDifference } from './types';
import { isSameOrBelow, isStrictlyAbove } from './jsonPointer';

/** A rule that applies to one object. */
export type ActiveRule = {
  pointer: string;
  reason: IgnoredDifference['reason'];
  /** How the rule is shown, e.g. `Deployment/web:/spec/replicas`. */
  rule: string;
};

/** Formats a rule the way the annotation writes it. */
export function formatRule(rule: IgnoreRule): string {
  if (rule.kind && rule.name) {
    return `${rule.kind}/${rule.name}:${rule.pointer}`;
  }
  if (rule.kind) {
    return `${rule.kind}:${rule.pointer}`;
  }
  return rule.pointer;
}

function isUsableRule(rule: unknown): rule is IgnoreRule {
  if (typeof rule !== 'object' || rule === null) {
    return false;
  }
  const { pointer, kind, name } = rule as Partial<IgnoreRule>;
  return (
    typeof pointer === 'string' &&
    pointer.startsWith('/') &&
    (kind === undefined || typeof kind === 'string') &&
    (name === undefined || typeof name === 'string')
  );
}

/** Rules prepared once per computation, looked up per object. */
export class IgnoreRuleSet {
  private readonly global: ActiveRule[] = [];
  private readonly byKind = new Map<
    string,
    Array<{ name?: string; active: ActiveRule }>
  >();

  constructor(rules: readonly IgnoreRule[] | undefined) {
    for (const rule of Array.isArray(rules) ? rules : []) {
      if (!isUsableRule(rule)) {
        continue;
      }
      const active: ActiveRule = {
        pointer: rule.pointer,
        reason: 'ignore-rule',
        rule: formatRule(rule),
      };
      if (!rule.kind) {
        if (!rule.name) {
          this.global.push(active);
        } else {
          // A name without a kind: applies to objects of that name of any kind.
          this.addScoped('*', rule.name, active);
        }
        continue;
      }
      this.addScoped(rule.kind, rule.name, active);
    }
  }

  private addScoped(
    kind: string,
    name: string | undefined,
    active: ActiveRule,
  ) {
    const list = this.byKind.get(kind) ?? [];
    list.push({ name: name || undefined, active });
    this.byKind.set(kind, list);
  }

  /** Rules applying to the object of this kind and name (kind is case-sensitive). */
  forObject(kind: string, name: string): ActiveRule[] {
    const result = this.global.slice();
    for (const scope of [kind, '*']) {
      for (const entry of this.byKind.get(scope) ?? []) {
        if (entry.name === undefined || entry.name === name) {
          result.push(entry.active);
        }
      }
    }
    return result;
  }
}

/** The rules applying to one object. */
export class ObjectIgnores {
  constructor(readonly rules: readonly ActiveRule[]) {}

  /** The first rule covering a path (the pointer itself or anything below it). */
  match(path: string): ActiveRule | undefined {
    for (const rule of this.rules) {
      if (isSameOrBelow(path, rule.pointer)) {
        return rule;
      }
    }
    return undefined;
  }

  /** True when some rule points strictly below a path (the path must be compared finer). */
  hasRuleBelow(path: string): boolean {
    for (const rule of this.rules) {
      if (isStrictlyAbove(path, rule.pointer)) {
        return true;
      }
    }
    return false;
  }
}

export const NO_IGNORES = new ObjectIgnores([]);

/** Splits differences into those that count and those ignored by a rule. */
export function applyIgnores(
  differences: Difference[],
  ignores: ObjectIgnores,
): { differences: Difference[]; ignored: IgnoredDifference[] } {
  if (ignores.rules.length === 0) {
    return { differences, ignored: [] };
  }
  const kept: Difference[] = [];
  const ignored: IgnoredDifference[] = [];
  for (const difference of differences) {
    const rule = ignores.match(difference.path);
    if (rule) {
      ignored.push({
        path: difference.path,
        reason: rule.reason,
        rule: rule.rule,
      });
    } else {
      kept.push(difference);
    }
  }
  return { differences: kept, ignored };
}
