import { KubeObject } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';

export const SELECTOR_LABEL = { 'backstage.io/kubernetes-id': 'shop' };

export function object(
  apiVersion: string,
  kind: string,
  name: string,
  extra: Partial<KubeObject> & { labels?: Record<string, string> } = {},
): KubeObject {
  const { labels, metadata, ...rest } = extra;
  return {
    apiVersion,
    kind,
    metadata: {
      name,
      ...(kind === 'Namespace' ? {} : { namespace: 'shop' }),
      ...(labels ? { labels } : {}),
      ...metadata,
    },
    ...rest,
  };
}
