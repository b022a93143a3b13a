/**
 * The demo's payments-api as a Kustomize layout: the demo deployment as the
 * base, and overlays that build on it. The production overlay patches the
 * image (strategic merge); the staging overlay patches the replica count.
 */
import { demoSourceFile } from './demoBackports';

const APP = 'apps/payments-api';

export const BASE_FILE = `${APP}/base/deployment.yaml`;
export const PROD_PATCH_FILE = `${APP}/overlays/prod/deployment-patch.yaml`;

const kustomization = (body: string) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${body}`;

export const PROD_PATCH = `# Production runs the image the release pipeline promoted.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments-api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/payments/payments-api:1.14.2 # promoted
`;

export const BASE_FILES: Record<string, string> = {
  [`${APP}/base/kustomization.yaml`]: kustomization(
    'resources:\n  - deployment.yaml\n',
  ),
  [BASE_FILE]: demoSourceFile('apps/payments-api/deployment.yaml'),
};

export const PROD_OVERLAY: Record<string, string> = {
  [`${APP}/overlays/prod/kustomization.yaml`]: kustomization(
    'namespace: payments\nresources:\n  - ../../base\npatches:\n  - path: deployment-patch.yaml\n',
  ),
  [PROD_PATCH_FILE]: PROD_PATCH,
};

/** An overlay that patches nothing of the deployment. */
export const PROD_OVERLAY_WITHOUT_PATCH: Record<string, string> = {
  [`${APP}/overlays/prod/kustomization.yaml`]: kustomization(
    'namespace: payments\nresources:\n  - ../../base\n',
  ),
};

export const STAGING_OVERLAY: Record<string, string> = {
  [`${APP}/overlays/staging/kustomization.yaml`]: kustomization(
    'resources:\n  - ../../base\npatches:\n  - path: replicas.yaml\n',
  ),
  [`${APP}/overlays/staging/replicas.yaml`]:
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments-api\nspec:\n  replicas: 1\n',
};
