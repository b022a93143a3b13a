import type { z as zod } from 'zod/v3';
import {
  DRIFT_STATUSES,
  DriftStatus,
  TRACKS,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { fromSpec, FromSpecOptions, objectFromSpec } from './openApiSchema';

/** The zod instance the actions registry hands to schema builders. */
export type Zod = typeof zod;

const ENTITY_REF_EXAMPLE = 'component:default/payments-api';

/*
 * Zod shapes of what the actions return, so an assistant sees the fields in
 * the tool's output schema. The registry drops fields a schema does not
 * name, so the shapes the REST API also answers with are built from its
 * OpenAPI spec (see openApiSchema.ts) and cannot fall behind it.
 */

export const entityRefInput = (z: Zod, what: string) =>
  z.string().describe(`Entity ref of the ${what}, e.g. ${ENTITY_REF_EXAMPLE}`);

export const driftStatusSchema = (z: Zod) =>
  z.enum(DRIFT_STATUSES as [DriftStatus, ...DriftStatus[]]);

export const trackSchema = (z: Zod) => z.enum(TRACKS as [Track, ...Track[]]);

export const hotfixChangeSchema = (z: Zod) => fromSpec(z, 'HotfixChange');

export const hotfixSchema = (z: Zod) => fromSpec(z, 'Hotfix');

export const overviewItemSchema = (z: Zod) => fromSpec(z, 'OverviewItem');

/** What `GET /entities/{kind}/{namespace}/{name}` answers. */
export const entityStatusSchema = (z: Zod, options?: FromSpecOptions) =>
  objectFromSpec(z, 'EntityGitopsStatus', options);
