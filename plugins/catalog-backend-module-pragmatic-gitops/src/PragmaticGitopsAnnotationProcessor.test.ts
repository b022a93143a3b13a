import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { mockServices } from '@backstage/backend-test-utils';
import { PragmaticGitopsAnnotationProcessor } from './PragmaticGitopsAnnotationProcessor';

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', annotations },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  };
}

describe('PragmaticGitopsAnnotationProcessor', () => {
  const logger = mockServices.logger.mock();
  const processor = new PragmaticGitopsAnnotationProcessor(logger);

  it('leaves well-annotated entities untouched', async () => {
    const entity = component({
      'pragmatic-gitops.io/track': 'declarative',
      'pragmatic-gitops.io/source-location': 'dir:../deploy/payments',
    });
    await expect(processor.postProcessEntity(entity)).resolves.toBe(entity);
  });

  it('ignores entities without any pragmatic-gitops annotation', async () => {
    const entity = component({ 'backstage.io/techdocs-ref': 'dir:.' });
    await expect(processor.postProcessEntity(entity)).resolves.toBe(entity);
  });

  it('keeps the entity and attaches one processing error per bad annotation', async () => {
    const entity = component({
      'pragmatic-gitops.io/track': 'gitops',
      'pragmatic-gitops.io/ignore-differences': 'spec/replicas',
    });
    const result = (await processor.postProcessEntity(entity)) as AlphaEntity;

    expect(result.metadata).toEqual(entity.metadata);
    expect(result.status?.items).toEqual([
      expect.objectContaining({
        type: 'backstage.io/catalog-processing',
        level: 'error',
        error: {
          name: 'InputError',
          message: expect.stringContaining(
            'Invalid annotation pragmatic-gitops.io/track: "gitops"',
          ),
        },
      }),
      expect.objectContaining({
        error: {
          name: 'InputError',
          message: expect.stringContaining(
            'Invalid annotation pragmatic-gitops.io/ignore-differences: "spec/replicas"',
          ),
        },
      }),
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('component:default/payments-api'),
      expect.objectContaining({ annotation: 'pragmatic-gitops.io/track' }),
    );
  });
});
