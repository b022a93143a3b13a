import { parseEntityRef } from '@backstage/catalog-model';

/** Path of an entity's GitOps tab in the app, e.g. for notifications. */
export function entityPageLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}/gitops`;
}
