import {
  Finding,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { KubeObject } from '../engine/types';

/** API groups of database and stateful-middleware operators. */
const STATEFUL_OPERATOR_GROUPS = [
  'postgresql.cnpg.io',
  'acid.zalan.do',
  'postgres-operator.crunchydata.com',
  'kafka.strimzi.io',
  'elasticsearch.k8s.elastic.co',
  'mongodbcommunity.mongodb.com',
  'databases.spotahome.com',
  'redis.redis.opstreelabs.in',
  'rabbitmq.com',
  'mysql.oracle.com',
  'pxc.percona.com',
];

function isStateful(object: KubeObject): boolean {
  if (
    object.kind === 'StatefulSet' ||
    object.kind === 'PersistentVolumeClaim'
  ) {
    return true;
  }
  const group = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')[0]
    : '';
  return STATEFUL_OPERATOR_GROUPS.some(
    g => group === g || group.endsWith(`.${g}`),
  );
}

/**
 * The product advises on tracks: stateful resources converged blindly to Git
 * are what the essay warns against, so a declarative entity holding them gets
 * a finding suggesting the operator track.
 */
export function statefulInDeclarativeFindings(
  track: Track,
  desired: KubeObject[],
): Finding[] {
  if (track !== 'declarative') {
    return [];
  }
  const stateful = desired.filter(isStateful);
  if (stateful.length === 0) {
    return [];
  }
  const names = stateful.map(o => `${o.kind}/${o.metadata.name}`).join(', ');
  return [
    {
      severity: 'warning',
      code: 'stateful-in-declarative',
      message: `Stateful resources in a declarative track: ${names}. Converging stateful systems blindly to Git is risky; consider the operator track (B).`,
      location: 'pragmatic-gitops.io/track',
    },
  ];
}
