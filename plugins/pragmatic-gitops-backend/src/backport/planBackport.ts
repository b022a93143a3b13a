/**
 * What a back-port writes: for every field a hotfix touched, the live value
 * written into the manifest file that declares the object, or a refusal
 * saying why not and what to do instead. Pure: files, parsed objects and
 * live objects in, patched file texts out. Live objects arrive redacted, so
 * a secret value is only ever a digest here, and a digest is never written.
 */
import type {
  BackportField,
  BackportRefusal,
  BackportResource,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { effectiveNamespace } from '../engine';
import { isSameOrBelow, parsePointer } from '../engine/jsonPointer';
import { KubeObject, ResourceDrift } from '../engine/types';
import { isPlainObject } from '../engine/values';
import { HotfixChange } from '../ledger/lifecycle/types';
import { isSecretDigest } from '../observations/secretDigest';
import { KustomizeTargets, objectKey } from './kustomizeTargets';
import { FieldWrite, patchManifest } from './patchManifest';
import { refusal, RefusalCode } from './refusals';

export type BackportPlanInput = {
  changes: HotfixChange[];
  /** Parsed objects of the source's files: `objectFiles[i]` declares `objects[i]`. */
  objects: KubeObject[];
  objectFiles: string[];
  /** The engine's comparison of those objects with live state (redacted). */
  resources: ResourceDrift[];
  /** Terraform resource addresses the live state knows. */
  terraformAddresses?: ReadonlySet<string>;
  defaultNamespace?: string;
  /**
   * Kustomize sources: `objects` holds only the declarations a back-port may
   * write (see `kustomizeTargets`); why the others may not, and which files
   * are the overlay's strategic-merge patches.
   */
  kustomize?: Pick<KustomizeTargets, 'refused' | 'patchFiles'>;
};

/** One object's fields to write into one file. */
export type ObjectWrites = {
  resource: BackportResource;
  writes: FieldWrite[];
};

export type BackportPlan = {
  /** Per file (source-relative): the objects and fields to write into it. */
  writes: Map<string, ObjectWrites[]>;
  refused: BackportRefusal[];
};

export type PatchedFiles = {
  files: Array<{ path: string; before: string; after: string }>;
  written: BackportField[];
  refused: BackportRefusal[];
};

const SECRET_KINDS = new Set(['Secret', 'SealedSecret']);
const MIGRATION_KINDS = new Set(['migration', 'migrations', 'flywaymigration']);
const TERRAFORM_TYPE = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;

function resourceOf(change: HotfixChange): BackportResource {
  return {
    kind: change.kind,
    ...(change.namespace ? { namespace: change.namespace } : {}),
    name: change.name,
  };
}

function pathsOf(change: HotfixChange): string[] {
  return Array.isArray(change.paths)
    ? change.paths.filter((p): p is string => typeof p === 'string')
    : [];
}

/** True when a secret digest hides anywhere inside the value. */
function holdsSecret(value: unknown): boolean {
  if (isSecretDigest(value)) return true;
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (isPlainObject(value)) return Object.values(value).some(holdsSecret);
  return false;
}

function isTerraform(change: HotfixChange, input: BackportPlanInput) {
  return (
    input.terraformAddresses?.has(change.name) ||
    (TERRAFORM_TYPE.test(change.kind) &&
      change.name.startsWith(`${change.kind}.`))
  );
}

function isMigration(change: HotfixChange): boolean {
  return (
    MIGRATION_KINDS.has(change.kind.toLowerCase()) ||
    /\.sql$/i.test(change.name)
  );
}

function sameObject(
  object: KubeObject,
  change: HotfixChange,
  defaultNamespace: string | undefined,
): boolean {
  if (object.kind !== change.kind || object.metadata.name !== change.name) {
    return false;
  }
  if (!change.namespace) return true;
  return effectiveNamespace(object, defaultNamespace) === change.namespace;
}

/** Whether the object declares the pointer (`-`: the list it appends to). */
function declares(object: unknown, pointer: string): boolean {
  let node = object;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) {
      if (token === '-') return true;
      node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
    } else if (isPlainObject(node) && Object.hasOwn(node, token)) {
      node = node[token];
    } else {
      return false;
    }
  }
  return true;
}

/** One pointer is the other or below it. */
function overlaps(a: string, b: string): boolean {
  return isSameOrBelow(a, b) || isSameOrBelow(b, a);
}

/** Decides, field by field, what is written where and what is refused. */
export function planBackport(input: BackportPlanInput): BackportPlan {
  const writes = new Map<string, ObjectWrites[]>();
  const refused: BackportRefusal[] = [];
  for (const change of input.changes) {
    const resource = resourceOf(change);
    const paths = pathsOf(change);
    const refuseAll = (code: RefusalCode, detail?: string) => {
      for (const path of paths.length > 0 ? paths : ['']) {
        refused.push(refusal(path, code, resource, detail));
      }
    };
    if (isMigration(change)) {
      refuseAll('migration');
      continue;
    }
    if (isTerraform(change, input)) {
      refuseAll('terraform');
      continue;
    }
    if (SECRET_KINDS.has(change.kind)) {
      refuseAll('secret-value');
      continue;
    }
    if (paths.length === 0) {
      refuseAll('not-writable');
      continue;
    }
    const index = input.objects.findIndex(object =>
      sameObject(object, change, input.defaultNamespace),
    );
    if (index < 0) {
      const why = input.kustomize?.refused.get(objectKey(change));
      if (why) refuseAll('kustomize', why);
      else refuseAll('not-declared');
      continue;
    }
    const file = input.objectFiles[index];
    const isPatch = input.kustomize?.patchFiles.has(file) ?? false;
    const namespace = effectiveNamespace(
      input.objects[index],
      input.defaultNamespace,
    );
    const drift = input.resources.find(
      r =>
        r.kind === change.kind &&
        r.name === change.name &&
        (namespace === undefined || r.namespace === namespace),
    );
    if (!drift || drift.status === 'missing') {
      refuseAll('removed-live');
      continue;
    }
    const fieldWrites: FieldWrite[] = [];
    const written = new Set<string>();
    for (const path of paths) {
      // What the scan ignores is not Git's to hold: the engine left it out
      // of the differences, and the user is told why it is not written.
      for (const ignored of drift.ignored) {
        if (!overlaps(ignored.path, path) || written.has(ignored.path)) {
          continue;
        }
        written.add(ignored.path);
        refused.push(
          refusal(
            ignored.path,
            'ignored',
            resource,
            ignored.reason === 'hpa-managed-replicas'
              ? `${ignored.rule ?? 'A HorizontalPodAutoscaler'} sets it.`
              : `Ignore rule ${
                  ignored.rule ?? ignored.path
                } covers it: remove the rule (pragmatic-gitops.io/ignore-differences or pragmaticGitops.ignoreDifferences) to back-port it.`,
          ),
        );
      }
      // The engine's differences at or below the field (defaults, units and
      // list order already accounted for), or the one containing it.
      const differences = drift.differences.filter(d => overlaps(d.path, path));
      // An overlay's strategic-merge patch holds only what it overrides: a
      // field it does not set comes from the base, whatever live says.
      const notInPatch = (at: string) =>
        refusal(
          at,
          'kustomize',
          resource,
          `${file}, the overlay's patch of ${objectKey(
            change,
          )}, does not set this field, so it comes from the base: add it to the patch.`,
        );
      if (
        isPatch &&
        differences.length === 0 &&
        !drift.ignored.some(i => overlaps(i.path, path)) &&
        !declares(input.objects[index], path)
      ) {
        refused.push(notInPatch(path));
        continue;
      }
      for (const difference of differences) {
        // A difference containing the field (a whole entry added live) is written whole.
        if (written.has(difference.path)) continue;
        written.add(difference.path);
        if (isPatch && !declares(input.objects[index], difference.path)) {
          refused.push(notInPatch(difference.path));
        } else if (difference.masked || holdsSecret(difference.live)) {
          refused.push(refusal(difference.path, 'secret-value', resource));
        } else if (difference.live === undefined) {
          refused.push(refusal(difference.path, 'removed-live', resource));
        } else {
          fieldWrites.push({ path: difference.path, value: difference.live });
        }
      }
    }
    if (fieldWrites.length > 0) {
      writes.set(file, [
        ...(writes.get(file) ?? []),
        { resource, writes: fieldWrites },
      ]);
    }
  }
  return { writes, refused };
}

/**
 * Applies a plan to file texts. `readText` gives the text to patch (the
 * source as read, or the file at the pull request's base commit).
 */
export async function applyBackportPlan(
  plan: BackportPlan,
  readText: (path: string) => Promise<string>,
  defaultNamespace?: string,
): Promise<PatchedFiles> {
  const files: PatchedFiles['files'] = [];
  const written: BackportField[] = [];
  const refused: BackportRefusal[] = [...plan.refused];
  for (const [path, objects] of plan.writes) {
    const before = await readText(path);
    let after = before;
    for (const { resource, writes } of objects) {
      const patch = patchManifest(after, resource, writes, {
        defaultNamespace,
      });
      if (!patch.found) {
        refused.push(
          ...writes.map(w => refusal(w.path, 'not-declared', resource)),
        );
        continue;
      }
      after = patch.text;
      for (const field of new Set(patch.written)) {
        written.push({ resource, path: field, file: path });
      }
      refused.push(...patch.refused.map(r => ({ ...r, resource })));
    }
    files.push({ path, before, after });
  }
  return { files, written, refused };
}
