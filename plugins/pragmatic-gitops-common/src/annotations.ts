/**
 * The annotation contract. Every key the suite reads from catalog entities
 * lives here so the processor, backend, frontend and scaffolder agree.
 */

/** Prefix shared by all Pragmatic GitOps annotations. @public */
export const ANNOTATION_PREFIX = 'pragmatic-gitops.io/';

/** Deployment track: declarative | operator | imperative (aliases A | B | C). @public */
export const ANNOTATION_TRACK = 'pragmatic-gitops.io/track';

/** Where the desired manifests live: a `url:` or `dir:` location reference. @public */
export const ANNOTATION_SOURCE_LOCATION = 'pragmatic-gitops.io/source-location';

/** JSON pointers whose differences are emergent state, optionally scoped by `Kind:` or `Kind/name:`. @public */
export const ANNOTATION_IGNORE_DIFFERENCES =
  'pragmatic-gitops.io/ignore-differences';

/** Secret references of non-Kubernetes services: `<store>:<key>[#<property>]`. @public */
export const ANNOTATION_SECRET_REFS = 'pragmatic-gitops.io/secret-refs';

/** Community Argo CD annotations, reused to name an application and a configured instance. @public */
export const ANNOTATION_ARGOCD_APP_NAME = 'argocd/app-name';
/** @public */
export const ANNOTATION_ARGOCD_INSTANCE_NAME = 'argocd/instance-name';

/** Backstage's Kubernetes annotations, reused to scope live objects. @public */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';
/** @public */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** Community Vault annotation naming a secrets path. @public */
export const ANNOTATION_VAULT_SECRETS_PATH = 'vault.io/secrets-path';
