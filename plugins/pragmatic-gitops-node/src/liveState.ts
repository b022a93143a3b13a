/**
 * The shapes of live state: what a provider observed of the running system
 * for one entity. The drift engine compares these with the desired state.
 */

/** A Kubernetes object as found in Git or returned by the API server. @public */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      apiVersion: string;
      kind: string;
      name: string;
      uid?: string;
    }>;
    managedFields?: ManagedFieldsEntry[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

/** One entry of `metadata.managedFields`. @public */
export type ManagedFieldsEntry = {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  /** When the manager last wrote its fields (RFC 3339). */
  time?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
  [key: string]: unknown;
};

/** Subset of `terraform show -json <plan>` the engine reads. @public */
export type TerraformPlan = {
  format_version?: string;
  resource_changes?: TerraformResourceChange[];
  resource_drift?: TerraformResourceChange[];
  [key: string]: unknown;
};

/** @public */
export type TerraformResourceChange = {
  address: string;
  type: string;
  name?: string;
  mode?: string;
  change: {
    actions: string[];
    before?: unknown;
    after?: unknown;
    before_sensitive?: unknown;
    after_sensitive?: unknown;
    /** `true` (or a tree of them) where the planned value is computed during the apply. */
    after_unknown?: unknown;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

/** Migrations available to and applied by an imperative service. @public */
export type MigrationsState = { available?: string[]; applied: string[] };

/** What a provider observed of the live system for one entity. @public */
export type LiveState = {
  objects?: KubeObject[];
  terraformPlan?: TerraformPlan;
  migrations?: MigrationsState;
};
