import { parseAllDocuments } from 'yaml';
import { Finding } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { KubeObject } from '../engine/types';
import { findUntrustedJsonProblem } from '../engine/untrustedJson';
import { isSopsDocument, isSopsValue } from '../secrets/sops';
import { EncryptedFile } from '../secrets/types';

/** A file of the source tree: its path relative to the source root, and its text. */
export type SourceFile = { path: string; content: string };

export type ParsedManifests = {
  objects: KubeObject[];
  /** Files that carry SOPS metadata: secrets stored in Git, encrypted. */
  sopsFiles: string[];
  /** The same files with how they are encrypted (always set by parseManifests). */
  encryptedFiles?: EncryptedFile[];
  /** Source file of each object: `objectFiles[i]` holds `objects[i]` (always set by parseManifests). */
  objectFiles?: string[];
  findings: Finding[];
};

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export function isManifestFile(path: string): boolean {
  return MANIFEST_FILE.test(path);
}

function isKubeObject(value: unknown): value is KubeObject {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const candidate = value as Partial<KubeObject>;
  return (
    typeof candidate.apiVersion === 'string' &&
    typeof candidate.kind === 'string' &&
    typeof candidate.metadata === 'object' &&
    candidate.metadata !== null &&
    typeof candidate.metadata.name === 'string'
  );
}

/** Tool configuration files that live beside manifests but are not objects. */
function isToolConfig(object: KubeObject): boolean {
  return object.apiVersion.startsWith('kustomize.config.k8s.io/');
}

/**
 * Parses plain manifests: multi-document YAML and JSON, `kind: List`
 * flattened. SOPS-encrypted documents (`sops:` metadata or `ENC[…]` values)
 * are set aside as `sopsFiles` / `encryptedFiles`, never as objects. A file that does not parse becomes a finding naming it; the
 * other files still count. Contents are never put into findings.
 */
export function parseManifests(files: readonly SourceFile[]): ParsedManifests {
  const objects: KubeObject[] = [];
  const objectFiles: string[] = [];
  const result = {
    objects,
    objectFiles,
    sopsFiles: [] as string[],
    findings: [] as Finding[],
  };
  const sopsObjects = new Map<string, KubeObject[]>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!isManifestFile(file.path)) {
      continue;
    }
    const documents = parseAllDocuments(file.content);
    const docs = Array.isArray(documents) ? documents : [documents];
    // Alias bombs fail while converting, after parsing succeeded.
    let values: unknown[];
    let problem = docs.flatMap(doc => doc.errors)[0]?.message;
    try {
      values = problem ? [] : docs.map(doc => doc.toJS({ maxAliasCount: 100 }));
    } catch (error) {
      values = [];
      problem = (error as Error).message;
    }
    // Git is outside input too: no prototype keys, no hostile nesting.
    problem =
      problem ??
      values.map(value => findUntrustedJsonProblem(value)).find(Boolean);
    if (problem) {
      // Only the first line: the rest of a YAML error quotes the source.
      result.findings.push({
        severity: 'error',
        code: 'unparseable-manifest',
        message: `${file.path} could not be parsed: ${problem.split('\n')[0]}`,
        location: file.path,
      });
      continue;
    }
    for (const value of values) {
      if (isSopsDocument(value)) {
        result.sopsFiles.push(file.path);
        const identity = sopsIdentity(value);
        if (identity) {
          sopsObjects.set(file.path, [
            ...(sopsObjects.get(file.path) ?? []),
            identity,
          ]);
        }
        continue;
      }
      const items =
        isKubeObject(value) && value.kind === 'List'
          ? (value as { items?: unknown[] }).items ?? []
          : [value];
      for (const item of items) {
        if (isKubeObject(item) && !isToolConfig(item)) {
          objects.push(item);
          objectFiles.push(file.path);
        }
      }
    }
  }
  const sopsFiles = [...new Set(result.sopsFiles)];
  return {
    ...result,
    sopsFiles,
    encryptedFiles: sopsFiles.map(path => ({
      path,
      kind: 'sops' as const,
      ...(sopsObjects.has(path) ? { objects: sopsObjects.get(path) } : {}),
    })),
  };
}

/**
 * The identity of a SOPS-encrypted object (SOPS leaves apiVersion, kind and
 * metadata in clear by default); none when they are encrypted too. Nothing
 * else of the document is kept.
 */
function sopsIdentity(value: unknown): KubeObject | undefined {
  if (!isKubeObject(value)) {
    return undefined;
  }
  const { name, namespace } = value.metadata;
  if (isSopsValue(value.kind) || isSopsValue(name)) {
    return undefined;
  }
  return {
    apiVersion: value.apiVersion,
    kind: value.kind,
    metadata: {
      name,
      ...(typeof namespace === 'string' && !isSopsValue(namespace)
        ? { namespace }
        : {}),
    },
  };
}

/** Names of migrations in Git: `*.sql` files, without extension. */
export function migrationNames(paths: string[]): string[] {
  return paths
    .filter(path => /\.sql$/i.test(path))
    .map(path =>
      path
        .split('/')
        .pop()!
        .replace(/\.sql$/i, ''),
    );
}
