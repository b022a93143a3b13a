import {
  createMockDirectory,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { migrationsDir } from '../database/migrateDatabase';
import { ObservationDirectory } from './ObservationDirectory';
import { testDigest } from './__testUtils__/testDigest';
import { ObservationStore } from './ObservationStore';

jest.setTimeout(60_000);

describe('ObservationDirectory', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const dir = createMockDirectory();

  it('loads valid files, skips bad ones naming the file and the field', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: migrationsDir });
    const store = new ObservationStore(knex, testDigest);
    const logger = mockServices.logger.mock();
    dir.setContent({
      'web.json': JSON.stringify({
        entityRef: 'Component:default/Web',
        source: 'agent',
        observedAt: '2026-11-20T10:00:00Z',
        objects: [
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
        ],
      }),
      'db.yaml':
        'entityRef: component:default/db\nsource: agent\nmigrations:\n  applied: [V1]\n',
      'bad-object.json': JSON.stringify({
        entityRef: 'component:default/x',
        source: 'agent',
        objects: [{ kind: 'ConfigMap', metadata: { name: 'c' } }],
      }),
      'bad-ref.json': JSON.stringify({
        entityRef: 'not a ref:::',
        source: 'agent',
      }),
      'notes.txt': 'ignored',
    });

    const result = await new ObservationDirectory(
      dir.path,
      store,
      logger,
    ).load();

    expect(result).toEqual({ loaded: 2, failed: 2 });
    await expect(
      store.latestPerSource('component:default/web'),
    ).resolves.toMatchObject([
      {
        source: 'agent',
        observedAt: new Date('2026-11-20T10:00:00Z'),
        objects: [{ kind: 'ConfigMap' }],
      },
    ]);
    await expect(
      store.latestPerSource('component:default/db'),
    ).resolves.toMatchObject([
      {
        migrations: { applied: ['V1'] },
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /bad-object\.json: \/objects\/0 must have required property 'apiVersion'/,
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('bad-ref.json: entityRef'),
    );
  });
});
