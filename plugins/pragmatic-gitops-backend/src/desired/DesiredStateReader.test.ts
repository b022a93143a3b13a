import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  DesiredStateReader,
  DesiredStateUnavailableError,
} from './DesiredStateReader';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'web', annotations },
  };
}

describe('DesiredStateReader', () => {
  const dir = createMockDirectory();
  const urlReader = mockServices.urlReader.mock();
  const reader = new DesiredStateReader(urlReader);

  beforeEach(() => {
    dir.clear();
    jest.resetAllMocks();
  });

  it('resolves dir: against the catalog file that defines the entity', async () => {
    dir.setContent({
      '.git/HEAD': 'ref: refs/heads/main',
      'catalog/entities/web.yaml': 'kind: Component',
      'deploy/web/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }',
      'deploy/web/nested/service.yml':
        'apiVersion: v1\nkind: Service\nmetadata: { name: web }',
      'deploy/web/migrations/V1__init.sql': 'create table t ();',
    });
    const desired = await reader.read(
      entity({
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'catalog/entities/web.yaml',
        )}`,
        'pragmatic-gitops.io/source-location': 'dir:../../deploy/web',
      }),
    );
    expect(desired?.objects.map(o => o.kind).sort()).toEqual([
      'Deployment',
      'Service',
    ]);
    expect(desired?.migrations).toEqual(['V1__init']);
    expect(desired?.source).toBe('dir:../../deploy/web');
  });

  it('says why when the directory does not exist', async () => {
    dir.setContent({
      '.git/HEAD': 'ref: refs/heads/main',
      'catalog/web.yaml': 'kind: Component',
    });
    await expect(
      reader.read(
        entity({
          'backstage.io/managed-by-location': `file:${dir.resolve(
            'catalog/web.yaml',
          )}`,
          'pragmatic-gitops.io/source-location': 'dir:./missing',
        }),
      ),
    ).rejects.toThrow(DesiredStateUnavailableError);
  });

  it('says which file cannot be read instead of failing the scan', async () => {
    dir.setContent({
      '.git/HEAD': 'ref: refs/heads/main',
      'catalog/web.yaml': 'kind: Component',
      'deploy/web/deployment.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }',
    });
    const fsModule = require('node:fs/promises');
    const readFile = jest
      .spyOn(fsModule, 'readFile')
      .mockRejectedValueOnce(
        Object.assign(new Error('denied'), { code: 'EACCES' }),
      );
    await expect(
      reader.read(
        entity({
          'backstage.io/managed-by-location': `file:${dir.resolve(
            'catalog/web.yaml',
          )}`,
          'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
        }),
      ),
    ).rejects.toThrow(
      new DesiredStateUnavailableError(
        'deployment.yaml cannot be read: EACCES',
      ),
    );
    readFile.mockRestore();
  });

  it('reads url: locations through the UrlReader', async () => {
    urlReader.readTree.mockResolvedValue({
      files: async () => [
        {
          path: 'apps/web/deployment.yaml',
          content: async () =>
            Buffer.from(
              'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }',
            ),
          lastModifiedAt: undefined,
        },
        { path: 'apps/web/notes.txt', content: async () => Buffer.from('x') },
      ],
      archive: jest.fn(),
      dir: jest.fn(),
      etag: 'e',
    } as any);
    const desired = await reader.read(
      entity({
        'pragmatic-gitops.io/source-location':
          'url:https://github.com/org/deploy/tree/main/apps/web',
      }),
    );
    expect(urlReader.readTree).toHaveBeenCalledWith(
      'https://github.com/org/deploy/tree/main/apps/web',
    );
    expect(desired?.objects).toHaveLength(1);
  });

  it('turns an unreachable url: source into a reason', async () => {
    urlReader.readTree.mockRejectedValue(new Error('404 Not Found'));
    await expect(
      reader.read(
        entity({
          'pragmatic-gitops.io/source-location':
            'url:https://github.com/org/gone',
        }),
      ),
    ).rejects.toThrow(
      'Could not read https://github.com/org/gone: 404 Not Found',
    );
  });

  it('resolves dir: relative to a catalog file read from a URL through the UrlReader', async () => {
    urlReader.readTree.mockResolvedValue({ files: async () => [] } as any);
    await reader.read(
      entity({
        'backstage.io/managed-by-location':
          'url:https://github.com/org/repo/blob/main/catalog/web.yaml',
        'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
      }),
    );
    expect(urlReader.readTree).toHaveBeenCalledWith(
      'https://github.com/org/repo/blob/main/deploy/web/',
    );
  });

  it('returns nothing for an entity without a source location', async () => {
    await expect(reader.read(entity({}))).resolves.toBeUndefined();
  });
});
