/**
 * Terraform plans (`terraform show -json`): planned changes are pending work,
 * each with its attributes current → planned; `resource_drift` (what
 * Terraform's refresh found changed outside Terraform) becomes per-resource
 * differences, last applied → real infrastructure. Sensitive values are
 * masked in both.
 */
import {
  ResourceDrift,
  TerraformPendingChange,
  TerraformPlan,
  TerraformResourceChange,
} from './types';
import { applyIgnores, IgnoreRuleSet, ObjectIgnores } from './ignoreRules';
import { terraformAttributeChanges } from './terraformValues';
import { isPlainObject } from './values';

const NOTHING_TO_DO = new Set(['no-op', 'read']);

function changesOf(list: unknown): TerraformResourceChange[] {
  if (!Array.isArray(list)) {
    return [];
  }
  return list.filter(
    (entry): entry is TerraformResourceChange =>
      isPlainObject(entry) &&
      typeof entry.address === 'string' &&
      isPlainObject(entry.change) &&
      Array.isArray(entry.change.actions),
  );
}

function typeOf(change: TerraformResourceChange): string {
  return typeof change.type === 'string' && change.type !== ''
    ? change.type
    : 'unknown';
}

/** Resource changes that do something (anything but `no-op` and `read`). */
export function terraformPendingChanges(
  plan: TerraformPlan | undefined,
): TerraformPendingChange[] {
  const pending: TerraformPendingChange[] = [];
  for (const change of changesOf(plan?.resource_changes)) {
    const actions = change.change.actions.filter(
      (action): action is string => typeof action === 'string',
    );
    if (
      actions.length > 0 &&
      actions.some(action => !NOTHING_TO_DO.has(action))
    ) {
      pending.push({
        address: change.address,
        type: typeOf(change),
        actions,
        changes: terraformAttributeChanges(change.change),
      });
    }
  }
  return pending;
}

/** One drifted resource per `resource_drift` entry. */
export function terraformDriftResources(
  plan: TerraformPlan | undefined,
  rules: IgnoreRuleSet,
): ResourceDrift[] {
  return changesOf(plan?.resource_drift).map(change => {
    const type = typeOf(change);
    const { differences, ignored } = applyIgnores(
      terraformAttributeChanges(change.change),
      new ObjectIgnores(rules.forObject(type, change.address)),
    );
    return {
      apiVersion: 'terraform',
      kind: type,
      name: change.address,
      // Every difference ignored (a provider-computed timestamp): nothing to act on.
      status: differences.length > 0 ? 'drifted' : 'in-sync',
      sides: 'applied-real',
      differences,
      ignored,
    };
  });
}
