import { createMockDirectory } from '@backstage/backend-test-utils';

/**
 * A checkout (so `dir:` sources may point anywhere inside it) holding the
 * catalog file and the `web` Deployment most tests track, plus `extra` files.
 */
export function webCheckout(extra: Record<string, string> = {}) {
  const dir = createMockDirectory();
  dir.setContent({
    '.git/HEAD': 'ref: refs/heads/main',
    'catalog/catalog-info.yaml': 'kind: Component',
    'deploy/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec: { replicas: 2 }
`,
    ...extra,
  });
  return dir;
}
