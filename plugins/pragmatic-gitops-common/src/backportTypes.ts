/**
 * Types of a hotfix back-port: the live values of the fields a hotfix
 * touched, written into the manifests that declare them, as a unified diff
 * (`dir:` sources) or a pull request (`url:` sources on GitHub or GitLab).
 */
import type { HotfixChange } from './ledgerTypes';

/** The resource a back-ported field belongs to. @public */
export type BackportResource = Pick<
  HotfixChange,
  'kind' | 'namespace' | 'name'
>;

/** Why a field is left to the user. @public */
export type BackportRefusalCode =
  | 'secret-value'
  | 'not-declared'
  | 'terraform'
  | 'migration'
  | 'removed-live'
  | 'not-writable'
  | 'invalid-path'
  | 'overlapping'
  | 'ignored'
  | 'kustomize';

/** A field the back-port does not write, and what to do instead. @public */
export type BackportRefusal = {
  resource?: BackportResource;
  /** JSON pointer into the resource; `''` for the whole resource. */
  path: string;
  code: BackportRefusalCode;
  reason: string;
};

/** A field written into a manifest. @public */
export type BackportField = {
  resource: BackportResource;
  path: string;
  /** Manifest file, relative to the source root. */
  file: string;
};

/**
 * Response of `POST /hotfixes/{id}/backport`.
 *
 * @public
 */
export type HotfixBackport = {
  hotfixId: string;
  /** `diff`: a patch to copy (`dir:` sources); `pull-request`: opened on the SCM. */
  type: 'diff' | 'pull-request';
  written: BackportField[];
  refused: BackportRefusal[];
  /** Unified diff of every file changed, relative to the source root. */
  diff?: string;
  pullRequest?: {
    url: string;
    number: number;
    branch: string;
    /** False when an earlier call opened it and it is still open. */
    created: boolean;
  };
};
