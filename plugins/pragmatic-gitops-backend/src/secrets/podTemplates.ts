import { KubeObject } from '../engine/types';
import { SecretUsage } from './types';
import { ownEntry } from '../engine/values';

/** Workload kinds whose pod template is read, and where the template is. */
const TEMPLATE_PATHS: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  Rollout: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

export type Container = {
  name?: unknown;
  env?: unknown;
  envFrom?: unknown;
  volumeMounts?: unknown;
};

/** The pod template of one workload, as found in Git. */
export type PodTemplate = {
  workload: { kind: string; name: string };
  annotations: Record<string, unknown>;
  containers: Container[];
  volumes: Array<Record<string, unknown>>;
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function records(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function at(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The pod template of a workload in Git, or undefined for other kinds. */
export function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  const path = ownEntry(TEMPLATE_PATHS, object.kind);
  if (!path) return undefined;
  const template = at(object, path);
  if (!isRecord(template)) return undefined;
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const spec = isRecord(template.spec) ? template.spec : {};
  return {
    workload: { kind: object.kind, name: object.metadata.name },
    annotations: isRecord(metadata.annotations) ? metadata.annotations : {},
    containers: [
      ...records(spec.initContainers),
      ...records(spec.containers),
      ...records(spec.ephemeralContainers),
    ],
    volumes: records(spec.volumes),
  };
}

export function podTemplates(desired: KubeObject[]): PodTemplate[] {
  return desired.flatMap(object => {
    const template = podTemplateOf(object);
    return template ? [template] : [];
  });
}

/** The usage by one container, or the whole workload when it has no name. */
export function usage(template: PodTemplate, container?: unknown): SecretUsage {
  const name = str(container);
  return name
    ? { ...template.workload, container: name }
    : { ...template.workload };
}

/** Containers that mount a volume, as usages (the workload if none does). */
export function volumeUsages(
  template: PodTemplate,
  volumeName: unknown,
): SecretUsage[] {
  const mounting = template.containers.filter(container =>
    records(container.volumeMounts).some(
      mount => str(mount.name) !== undefined && mount.name === volumeName,
    ),
  );
  return mounting.length > 0
    ? mounting.map(container => usage(template, container.name))
    : [usage(template)];
}
