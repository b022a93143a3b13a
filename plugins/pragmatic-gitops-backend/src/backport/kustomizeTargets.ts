/**
 * Where a back-port may write in a Kustomize source. The overlay the source
 * points at (the `kustomization.yaml` at its root, else the only one no
 * other kustomization builds on) owns what it deploys: its own resources
 * and its strategic-merge patches are written; a base it builds on is
 * shared with other overlays, so writing the base would change them too,
 * and the object is refused with what to do instead. JSON 6902 and inline
 * patches are not edited: the object is refused, naming the kustomization.
 */
import path from 'node:path';
import { parse } from 'yaml';
import { KubeObject } from '../engine/types';
import { isPlainObject } from '../engine/values';
import type { SourceFile } from '../desired/parseManifests';

export type KustomizeTargets = {
  /** Per object of the source: whether a back-port may write into it. */
  writable: boolean[];
  /** Objects (by `kind/name`) no declaration of which may be written, and why. */
  refused: Map<string, string>;
  /**
   * Strategic-merge patch files of the overlay: a field a patch does not set
   * comes from the base, so it is refused rather than left unwritten.
   */
  patchFiles: Set<string>;
};

type Kustomization = {
  /** The file, relative to the source root. */
  file: string;
  dir: string;
  /** `resources` and `bases`, resolved against the source root. */
  resources: string[];
  /** Files named by `patchesStrategicMerge` and `patches[].path`. */
  patchFiles: string[];
  /** `kind/name` of objects patched in ways not written (JSON 6902, inline). */
  otherPatches: string[];
};

const KUSTOMIZATION = /(^|\/)kustomization\.ya?ml$/;

export function objectKey(object: { kind: string; name: string }): string {
  return `${object.kind}/${object.name}`;
}

function keyOf(object: KubeObject): string {
  return objectKey({ kind: object.kind, name: object.metadata.name });
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

function targetKey(target: unknown): string | undefined {
  return isPlainObject(target) &&
    typeof target.kind === 'string' &&
    typeof target.name === 'string'
    ? objectKey({ kind: target.kind, name: target.name })
    : undefined;
}

/** `kind/name` of an inline strategic-merge patch. */
function inlineKey(text: string): string | undefined {
  try {
    const value = parse(text);
    return isPlainObject(value) && isPlainObject(value.metadata)
      ? targetKey({ kind: value.kind, name: value.metadata.name })
      : undefined;
  } catch {
    return undefined;
  }
}

function readKustomization(
  file: SourceFile,
  declaring: ReadonlySet<string>,
): Kustomization | undefined {
  let value: unknown;
  try {
    value = parse(file.content);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const dir =
    path.posix.dirname(file.path) === '.' ? '' : path.posix.dirname(file.path);
  const resolve = (p: string) => path.posix.normalize(path.posix.join(dir, p));
  const patchFiles: string[] = [];
  const otherPatches: string[] = [];
  const patchFile = (p: string, target: unknown) => {
    const resolved = resolve(p);
    // A file of objects is a strategic-merge patch; a list of operations is JSON 6902.
    if (declaring.has(resolved)) patchFiles.push(resolved);
    else if (targetKey(target)) otherPatches.push(targetKey(target)!);
  };
  for (const entry of strings(value.patchesStrategicMerge)) {
    if (/\n/.test(entry) || !/\.ya?ml$|\.json$/.test(entry)) {
      const key = inlineKey(entry);
      if (key) otherPatches.push(key);
    } else {
      patchFile(entry, undefined);
    }
  }
  const patches = [
    ...(Array.isArray(value.patches) ? value.patches : []),
    ...(Array.isArray(value.patchesJson6902) ? value.patchesJson6902 : []),
  ].filter(isPlainObject);
  for (const entry of patches) {
    if (typeof entry.path === 'string') {
      patchFile(entry.path, entry.target);
      continue;
    }
    const key =
      targetKey(entry.target) ??
      (typeof entry.patch === 'string' ? inlineKey(entry.patch) : undefined);
    if (key) otherPatches.push(key);
  }
  return {
    file: file.path,
    dir,
    resources: [...strings(value.resources), ...strings(value.bases)].map(
      resolve,
    ),
    patchFiles,
    otherPatches,
  };
}

function isWithin(file: string, dir: string): boolean {
  return dir === '' || file.startsWith(`${dir}/`);
}

/**
 * The kustomize view of a source; `undefined` when it has no kustomization
 * (every declaration is plain and may be written).
 */
export function kustomizeTargets(
  files: SourceFile[],
  objects: KubeObject[],
  objectFiles: string[],
): KustomizeTargets | undefined {
  const declaring = new Set(objectFiles);
  const kustomizations = files
    .filter(f => KUSTOMIZATION.test(f.path))
    .map(f => readKustomization(f, declaring))
    .filter((k): k is Kustomization => Boolean(k));
  if (kustomizations.length === 0) return undefined;

  const builtOn = new Set(kustomizations.flatMap(k => k.resources));
  const root = kustomizations.find(k => k.dir === '');
  const tops = root ? [root] : kustomizations.filter(k => !builtOn.has(k.dir));
  const managed = (file: string) =>
    kustomizations.some(k => isWithin(file, k.dir));

  const refused = new Map<string, string>();
  if (tops.length !== 1) {
    const names = tops.map(k => k.file).join(', ') || 'none';
    const writable = objectFiles.map(file => !managed(file));
    objects.forEach((object, i) => {
      if (!writable[i]) {
        refused.set(
          keyOf(object),
          `The source holds several Kustomize overlays (${names}) and points at none of them: point pragmatic-gitops.io/source-location at the overlay that is deployed.`,
        );
      }
    });
    return { writable, refused, patchFiles: new Set() };
  }

  const [overlay] = tops;
  const own = new Set(overlay.resources.filter(r => declaring.has(r)));
  const patchFiles = new Set(overlay.patchFiles);
  const other = new Set(overlay.otherPatches);
  const writable = objects.map((object, i) => {
    const file = objectFiles[i];
    if (other.has(keyOf(object))) return false;
    return !managed(file) || own.has(file) || patchFiles.has(file);
  });
  objects.forEach((object, i) => {
    const key = keyOf(object);
    if (writable[i] || refused.has(key)) return;
    refused.set(
      key,
      other.has(key)
        ? `${overlay.file} patches ${key} with a JSON 6902 or inline patch, which a back-port does not edit: change the field there.`
        : `${key} is declared in ${objectFiles[i]}, a Kustomize base that ${overlay.file} builds on: writing the base would change every overlay built on it. Add the field to a patch of ${overlay.file}.`,
    );
  });
  // An object written somewhere is not refused for its other declarations.
  objects.forEach((object, i) => {
    if (writable[i]) refused.delete(keyOf(object));
  });
  return { writable, refused, patchFiles };
}
