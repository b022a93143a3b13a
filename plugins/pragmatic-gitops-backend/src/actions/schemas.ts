import type { z as zod } from 'zod/v3';
import {
  DRIFT_STATUSES,
  DriftStatus,
  HOTFIX_STATUSES,
  HotfixStatus,
  TRACKS,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** The zod instance the actions registry hands to schema builders. */
export type Zod = typeof zod;

const ENTITY_REF_EXAMPLE = 'component:default/payments-api';

/*
 * Zod shapes of what the actions return, so an assistant sees the fields in
 * the tool's output schema. They describe the common API types; the registry
 * drops fields a schema does not name, so every field the REST API sends is
 * named here.
 */

export const entityRefInput = (z: Zod, what: string) =>
  z.string().describe(`Entity ref of the ${what}, e.g. ${ENTITY_REF_EXAMPLE}`);

export const driftStatusSchema = (z: Zod) =>
  z.enum(DRIFT_STATUSES as [DriftStatus, ...DriftStatus[]]);

export const trackSchema = (z: Zod) => z.enum(TRACKS as [Track, ...Track[]]);

const hotfixStatusSchema = (z: Zod) =>
  z.enum(HOTFIX_STATUSES as [HotfixStatus, ...HotfixStatus[]]);

export const hotfixChangeSchema = (z: Zod) =>
  z.object({
    kind: z.string().describe('Kind of the changed resource, e.g. Deployment'),
    namespace: z.string().optional(),
    name: z.string(),
    paths: z
      .array(z.string())
      .optional()
      .describe(
        'JSON pointers (RFC 6901) of the changed fields, e.g. /spec/replicas; none means the whole resource',
      ),
  });

export const hotfixSchema = (z: Zod) =>
  z.object({
    id: z.string().describe('HF-<n>'),
    entityRef: z.string(),
    title: z.string(),
    description: z.string().optional(),
    incidentUrl: z.string().optional(),
    appliedBy: z.string().describe('User entity ref of who recorded it'),
    appliedAt: z.string(),
    recordedAt: z.string(),
    changes: z.array(hotfixChangeSchema(z)),
    status: hotfixStatusSchema(z),
    overdue: z.boolean(),
    backportDueAt: z.string(),
  });

const findingSchema = (z: Zod) =>
  z.object({
    severity: z.enum(['critical', 'error', 'warning', 'info']),
    code: z.string(),
    message: z.string(),
    location: z.string().optional(),
  });

const resourceDriftSchema = (z: Zod) =>
  z.object({
    apiVersion: z.string(),
    kind: z.string(),
    namespace: z.string().optional(),
    name: z.string(),
    status: z.enum(['in-sync', 'drifted', 'missing', 'extra']),
    explainedBy: z.string().optional().describe('Hotfix explaining it'),
    differences: z.array(
      z.object({
        path: z.string().describe('JSON pointer into the desired object'),
        desired: z.unknown().optional(),
        live: z.unknown().optional(),
        masked: z
          .boolean()
          .optional()
          .describe('A secret value: neither side is shown'),
        removedFromGit: z.string().optional(),
        explainedBy: z.string().optional(),
      }),
    ),
    ignored: z.array(
      z.object({
        path: z.string(),
        reason: z.string(),
        rule: z.string().optional(),
      }),
    ),
  });

export const entityStatusSchema = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    track: trackSchema(z).nullable(),
    drift: z.object({
      status: driftStatusSchema(z),
      reason: z.string().optional(),
      since: z.string().optional().describe('When this status began'),
      checkedAt: z.string().optional(),
      source: z.string().optional(),
      observedAt: z.string().optional(),
      providerStatus: z.record(z.string()).optional(),
      resources: z.array(resourceDriftSchema(z)).optional(),
      pending: z
        .object({
          terraform: z
            .array(
              z.object({
                address: z.string(),
                type: z.string(),
                actions: z.array(z.string()),
              }),
            )
            .optional(),
          migrations: z.object({ notApplied: z.array(z.string()) }).optional(),
        })
        .optional()
        .describe('Imperative track: changes waiting to be applied'),
    }),
    findings: z.array(findingSchema(z)),
    hotfixes: z
      .array(hotfixSchema(z))
      .optional()
      .describe('Open (pending-backport) hotfixes'),
  });
