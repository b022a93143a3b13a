import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import pointer from 'json-pointer';
import { Duration } from 'luxon';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { HotfixService } from '../ledger';
import { NewHotfixRequest } from '../ledger/types';
import { ObservationStore } from '../observations/ObservationStore';
import {
  parseObservationEntityRef,
  validateObservation,
} from '../observations/validateObservation';
import { EntityScanner } from '../scan/EntityScanner';

type Step =
  | { ago: string; as: string; recordHotfix: NewHotfixRequest }
  | { ago: string; observe: { file: string; set?: Record<string, unknown> } };

export type ReplayOutcome =
  | 'replayed'
  | 'already-replayed'
  | 'catalog-not-ready';

/**
 * Demo only (`pragmaticGitops.demo.timeline`): replays a short history of
 * hotfixes and past observations through the real ledger, observation store
 * and scanner, so the embedded demo shows every hotfix state produced by the
 * real lifecycle. Times are durations before now. Replays once: hotfixes
 * carry idempotency keys, so a second run (or replica) changes nothing.
 */
export class DemoTimeline {
  constructor(
    private readonly options: {
      file: string;
      observationsDirectory: string;
      hotfixes: HotfixService;
      observations: ObservationStore;
      scanner: EntityScanner;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async replay(): Promise<ReplayOutcome> {
    const { hotfixes, observations, scanner, logger } = this.options;
    const steps = await this.readSteps();
    const entities = await this.loadEntities(steps);
    if (!entities) {
      return 'catalog-not-ready';
    }
    const now = Date.now();
    for (const [index, step] of steps.entries()) {
      const at = new Date(now - Duration.fromISO(step.ago).toMillis());
      if ('recordHotfix' in step) {
        const { created } = await hotfixes.recordTrusted(
          { ...step.recordHotfix, appliedAt: at.toISOString() },
          { appliedBy: step.as, idempotencyKey: `demo-timeline:${index}` },
        );
        if (!created && index === 0) {
          return 'already-replayed';
        }
        // As the API does: recording computes the entity at once.
        await scanner.scan(
          entities.get(parseObservationEntityRef(step.recordHotfix.entityRef))!,
        );
      } else {
        const observation = await this.observationAt(step.observe);
        const entityRef = parseObservationEntityRef(observation.entityRef);
        const { entityRef: _ref, observedAt: _at, ...state } = observation;
        await observations.put({ ...state, entityRef, observedAt: at });
        await scanner.scan(entities.get(entityRef)!);
      }
    }
    logger.info(
      `Demo timeline: replayed ${steps.length} steps from ${this.options.file}`,
    );
    return 'replayed';
  }

  private async readSteps(): Promise<Step[]> {
    const document = parse(await fs.readFile(this.options.file, 'utf8'));
    const steps = document?.steps;
    if (!Array.isArray(steps)) {
      throw new InputError(
        `${this.options.file}: expected a list under "steps"`,
      );
    }
    steps.forEach((step, index) => {
      if (!Duration.fromISO(String(step?.ago)).isValid) {
        throw new InputError(
          `${this.options.file}: steps[${index}].ago must be an ISO 8601 duration`,
        );
      }
      if (!step.recordHotfix === !step.observe) {
        throw new InputError(
          `${this.options.file}: steps[${index}] needs recordHotfix or observe`,
        );
      }
    });
    return steps;
  }

  /** The base observation file with the step's fields changed, as it was then. */
  private async observationAt(observe: {
    file: string;
    set?: Record<string, unknown>;
  }) {
    const text = await fs.readFile(
      path.join(
        this.options.observationsDirectory,
        path.basename(observe.file),
      ),
      'utf8',
    );
    const document = JSON.parse(text);
    for (const [at, value] of Object.entries(observe.set ?? {})) {
      pointer.set(document, at, value);
    }
    return validateObservation(document, observe.file);
  }

  /** Every entity the timeline touches, or undefined while the catalog lacks one. */
  private async loadEntities(steps: Step[]) {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const refs = new Set<string>();
    for (const step of steps) {
      refs.add(
        parseObservationEntityRef(
          'recordHotfix' in step
            ? step.recordHotfix.entityRef
            : (await this.observationAt(step.observe)).entityRef,
        ),
      );
    }
    const entities = new Map();
    for (const ref of refs) {
      const entity = await this.options.catalog.getEntityByRef(ref, {
        credentials,
      });
      if (!entity) return undefined;
      entities.set(ref, entity);
    }
    return entities;
  }
}
