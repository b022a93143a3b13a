/** Live objects carrying a record of the last apply (last-applied annotation or managedFields). */
import { KubeObject, ManagedFieldsEntry } from '../types';
import { deploymentDesired, deploymentLive } from './kubernetes';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** What was applied before: desired + a label, an env var, args and resources since removed from Git. */
export function previouslyApplied(): KubeObject {
  const applied = deploymentDesired() as any;
  applied.metadata.labels.team = 'payments';
  applied.metadata.annotations = {
    'argocd.argoproj.io/tracking-id':
      'payments-api:apps/Deployment:payments/payments-api',
  };
  const container = applied.spec.template.spec.containers[0];
  container.env.push({ name: 'FEATURE_NEW_CHECKOUT', value: 'on' });
  container.args = ['--verbose'];
  return applied;
}

/**
 * Live state still holding everything that was applied, plus server
 * defaults, with no `managedFields` (as Argo CD's managed-resources API
 * returns it), so the last-applied annotation is the record of the apply.
 */
export function liveWithLastApplied(
  applied: KubeObject = previouslyApplied(),
): KubeObject {
  const live = deploymentLive() as any;
  delete live.metadata.managedFields;
  live.metadata.labels.team = 'payments';
  live.metadata.annotations[LAST_APPLIED] = `${JSON.stringify(applied)}\n`;
  const container = live.spec.template.spec.containers[0];
  container.env.push({ name: 'FEATURE_NEW_CHECKOUT', value: 'on' });
  container.args = ['--verbose'];
  return live;
}

export function argocdManagedFields(): ManagedFieldsEntry {
  return {
    manager: 'argocd-controller',
    operation: 'Apply',
    apiVersion: 'apps/v1',
    fieldsType: 'FieldsV1',
    fieldsV1: {
      'f:metadata': {
        'f:labels': {
          'f:app.kubernetes.io/name': {},
          'f:backstage.io/kubernetes-id': {},
          'f:team': {},
        },
        'f:annotations': { 'f:argocd.argoproj.io/tracking-id': {} },
      },
      'f:spec': {
        'f:replicas': {},
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"api"}': {
                '.': {},
                'f:image': {},
                'f:name': {},
                'f:env': {
                  'k:{"name":"LOG_LEVEL"}': {
                    '.': {},
                    'f:name': {},
                    'f:value': {},
                  },
                  'k:{"name":"FEATURE_X"}': {
                    '.': {},
                    'f:name': {},
                    'f:value': {},
                  },
                },
                'f:ports': {
                  'k:{"containerPort":8080,"protocol":"TCP"}': {
                    '.': {},
                    'f:containerPort': {},
                    'f:name': {},
                  },
                  'k:{"containerPort":7070,"protocol":"TCP"}': {
                    '.': {},
                    'f:containerPort': {},
                    'f:name': {},
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}

/** Other managers: the controller (status, revision annotation) and a human with kubectl edit. */
export function otherManagedFields(): ManagedFieldsEntry[] {
  return [
    {
      manager: 'kube-controller-manager',
      operation: 'Update',
      apiVersion: 'apps/v1',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': {
          'f:annotations': { 'f:deployment.kubernetes.io/revision': {} },
        },
        'f:status': { 'f:replicas': {} },
      },
    },
    {
      manager: 'kubectl-edit',
      operation: 'Update',
      apiVersion: 'apps/v1',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:hotfix': {} } },
        'f:spec': {
          'f:template': {
            'f:spec': {
              'f:containers': {
                'k:{"name":"api"}': {
                  'f:env': {
                    'k:{"name":"DEBUG"}': {
                      '.': {},
                      'f:name': {},
                      'f:value': {},
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  ];
}

/** Live object without last-applied: argocd applied team label, FEATURE_X and port 7070 (since removed from Git). */
export function liveWithManagedFields(): KubeObject {
  const live = deploymentLive() as any;
  live.metadata.labels.team = 'payments';
  live.metadata.labels.hotfix = 'true';
  live.metadata.managedFields = [
    argocdManagedFields(),
    ...otherManagedFields(),
  ];
  const container = live.spec.template.spec.containers[0];
  container.env.push(
    { name: 'FEATURE_X', value: 'on' },
    { name: 'DEBUG', value: 'true' },
  );
  container.ports.push({ name: 'admin', containerPort: 7070, protocol: 'TCP' });
  return live;
}
