/**
 * Types of the drift engine. The engine is pure: it gets desired objects
 * (from Git), live state (from a provider) and ignore rules, and returns
 * per-resource differences. It never reads files, the network or the clock.
 */
import {
  Difference as CommonDifference,
  IgnoreRule,
  PendingChanges as CommonPendingChanges,
  ResourceDrift as CommonResourceDrift,
  TerraformPendingChange as CommonTerraformPendingChange,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import type {
  KubeObject,
  LiveState,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';

// The shapes of live state are the providers' contract (node package).
export type {
  KubeObject,
  LiveState,
  ManagedFieldsEntry,
  MigrationsState,
  TerraformPlan,
  TerraformResourceChange,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';

/**
 * One difference between desired and live (the shared API type). `path` is
 * an RFC 6901 pointer into the desired object (list items by their index in
 * the desired list; `/-` appended to a list path for a live entry absent
 * from desired). Values of secrets are never carried: `masked` is set and
 * `desired`/`live` hold MASKED_VALUE instead. `removedFromGit` says why a
 * field counts although desired no longer declares it (three-way rule);
 * `changedBy` who wrote the live field, when managedFields records it.
 */
export type Difference = Omit<CommonDifference, 'masked'> & { masked?: true };

/** A difference that exists but does not count, and why. Never a value. */
export type IgnoredDifference = {
  path: string;
  reason: 'ignore-rule' | 'hpa-managed-replicas';
  rule?: string;
};

export type ResourceStatus = 'in-sync' | 'drifted' | 'missing' | 'extra';

export type ResourceDrift = {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  status: ResourceStatus;
  /** What the differences compare; Git against live when absent. */
  sides?: CommonResourceDrift['sides'];
  differences: Difference[];
  ignored: IgnoredDifference[];
};

/** One resource change of a Terraform plan, its attributes current → planned. */
export type TerraformPendingChange = Omit<
  CommonTerraformPendingChange,
  'changes'
> & { changes: Difference[] };

/** Imperative-track work waiting to be applied. */
export type PendingChanges = Omit<CommonPendingChanges, 'terraform'> & {
  terraform?: TerraformPendingChange[];
};

export type DriftInput = {
  track: Track;
  desired: KubeObject[];
  live: LiveState;
  /** From `backstage.io/kubernetes-namespace`: namespace of desired objects that name none. */
  defaultNamespace?: string;
  /** Annotation rules plus config defaults. */
  ignoreRules: IgnoreRule[];
  /** Field managers whose managedFields count as "applied from Git" for the three-way rule. */
  gitopsFieldManagers: string[];
  /** Migrations present in Git (imperative track), merged with `live.migrations.available`. */
  availableMigrations?: string[];
};

/**
 * A desired object and the live object the engine matched it with, as the
 * engine compared them (normalised: see `comparableObject`). Later steps (the
 * hotfix ledger) read values from here instead of matching again.
 */
export type MatchedPair = {
  kind: string;
  name: string;
  /** The namespace reported for the resource. */
  namespace?: string;
  /** Compared fields of the desired object; absent for a live-only object. */
  desired?: Record<string, unknown>;
  /** Compared fields of the live object; absent when it is missing. */
  live?: Record<string, unknown>;
  /** The engine's entry in `resources` for this pair, if it reports one. */
  resource?: ResourceDrift;
};

export type DriftResult = {
  status: 'in-sync' | 'drifted' | 'pending';
  resources: ResourceDrift[];
  pending?: PendingChanges;
  /** Kubernetes objects as matched: every desired object, then unmatched live ones. */
  pairs: MatchedPair[];
};

export const MASKED_VALUE = '(secret value hidden)';

export const DEFAULT_GITOPS_FIELD_MANAGERS = [
  'argocd-controller',
  'argocd-application-controller',
  'kustomize-controller',
  'helm-controller',
  'flux-client-side-apply',
];
