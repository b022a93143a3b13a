import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { ENTITY_STATUS_CATALOG_PROCESSING_TYPE } from '@backstage/catalog-client';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  hasPragmaticGitopsAnnotations,
  validateAnnotations,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/**
 * Validates the `pragmatic-gitops.io/*` annotations of every entity that
 * carries one.
 *
 * Emitting a processing error would make the catalog keep the previous
 * version of the entity (or never show a new one). A typo in one annotation
 * must not hide a service, so problems are attached as catalog-processing
 * status items instead: the entity stays current and the entity page's
 * processing-errors panel shows each problem, naming the annotation.
 *
 * @public
 */
export class PragmaticGitopsAnnotationProcessor implements CatalogProcessor {
  constructor(private readonly logger: LoggerService) {}

  getProcessorName(): string {
    return 'PragmaticGitopsAnnotationProcessor';
  }

  async postProcessEntity(entity: Entity): Promise<Entity> {
    const annotations = entity.metadata.annotations;
    if (!hasPragmaticGitopsAnnotations(annotations)) {
      return entity;
    }
    const problems = validateAnnotations(annotations);
    if (problems.length === 0) {
      return entity;
    }
    const entityRef = stringifyEntityRef(entity);
    for (const problem of problems) {
      this.logger.warn(`${entityRef}: ${problem.message}`, {
        entity: entityRef,
        annotation: problem.annotation,
      });
    }
    const withStatus = entity as AlphaEntity;
    return {
      ...withStatus,
      status: {
        ...withStatus.status,
        items: [
          ...(withStatus.status?.items ?? []),
          ...problems.map(problem => ({
            type: ENTITY_STATUS_CATALOG_PROCESSING_TYPE,
            level: 'error' as const,
            message: `InputError: ${problem.message}`,
            error: { name: 'InputError', message: problem.message },
          })),
        ],
      },
    } as AlphaEntity;
  }
}
