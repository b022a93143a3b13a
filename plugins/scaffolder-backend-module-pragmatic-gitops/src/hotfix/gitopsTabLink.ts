import { CompoundEntityRef } from '@backstage/catalog-model';

/**
 * Link to the Pragmatic GitOps tab of an entity page, the way the catalog
 * routes entities: `/catalog/:namespace/:kind/:name/gitops`, kind and
 * namespace in lower case. Relative when the app's base URL is unknown.
 */
export function gitopsTabLink(
  appBaseUrl: string | undefined,
  entity: CompoundEntityRef,
): string {
  const base = (appBaseUrl ?? '').replace(/\/+$/, '');
  const segments = [
    entity.namespace.toLocaleLowerCase('en-US'),
    entity.kind.toLocaleLowerCase('en-US'),
    entity.name,
  ].map(segment => encodeURIComponent(segment));
  return `${base}/catalog/${segments.join('/')}/gitops`;
}
