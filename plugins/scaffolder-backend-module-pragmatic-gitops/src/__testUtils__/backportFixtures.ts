/** Back-ports as the Pragmatic GitOps backend answers them, for tests. */
import { BackportRefusal } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

export const DEPLOYMENT = {
  kind: 'Deployment',
  namespace: 'payments',
  name: 'payments-api',
};

export const NOT_DECLARED: BackportRefusal = {
  resource: DEPLOYMENT,
  path: '/spec/template/spec/containers/0/env',
  code: 'not-declared',
  reason: 'No plain manifest declares this field',
};

/** The patch of `deploy/deployment.yaml` raising replicas from 2 to 6. */
export const DIFF = [
  '--- a/deploy/deployment.yaml',
  '+++ b/deploy/deployment.yaml',
  '@@ -6,1 +6,1 @@',
  '-  replicas: 2',
  '+  replicas: 6',
  '',
].join('\n');

export const WRITTEN = [
  {
    resource: DEPLOYMENT,
    path: '/spec/replicas',
    file: 'deploy/deployment.yaml',
  },
];
