import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';
import {
  CANARY,
  pushObservation,
  webEntities,
} from '../__testUtils__/webEntity';

jest.setTimeout(60_000);

const CHANNEL = 'pragmatic-gitops:entity:component:default/web';

describe('entity status signals', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(publish?: jest.Mock) {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({ entities: webEntities }),
        mockServices.database.factory({ knex }),
        ...(publish
          ? [
              createServiceFactory({
                service: signalsServiceRef,
                deps: {},
                factory: () => ({ publish }),
              }),
            ]
          : []),
      ],
    });
    return server;
  }

  const signalled = (publish: jest.Mock) =>
    publish.mock.calls
      .map(([signal]) => signal)
      .filter(signal => signal.channel === CHANNEL)
      .map(signal => signal.message);

  it('tells open pages when a pushed observation changes the status', async () => {
    const publish = jest.fn(async () => {});
    const server = await start(publish);
    const at = '2026-11-30T10:00:00Z';
    const password = CANARY;
    await pushObservation(server, {
      image: 'shop/web:1.0.0',
      password,
      observedAt: at,
    });
    await pushObservation(server, {
      image: 'shop/web:2.0.0',
      password,
      observedAt: at,
    });
    expect(signalled(publish)).toEqual([
      { entityRef: 'component:default/web', status: 'in-sync' },
      { entityRef: 'component:default/web', status: 'drifted' },
    ]);
    expect(publish).toHaveBeenCalledWith(
      expect.objectContaining({ recipients: { type: 'broadcast' } }),
    );

    // The same observation again changes nothing a page shows: no signal.
    await pushObservation(server, {
      image: 'shop/web:2.0.0',
      password,
      observedAt: at,
    });
    expect(signalled(publish)).toHaveLength(2);
  });

  it('tells open pages when a hotfix is recorded for the entity', async () => {
    const publish = jest.fn(async () => {});
    const server = await start(publish);
    const password = CANARY;
    await pushObservation(server, { image: 'shop/web:2.0.0', password });
    publish.mockClear();
    const res = await request(server)
      .post('/api/pragmatic-gitops/hotfixes')
      .set('Authorization', mockCredentials.user.header())
      .send({
        entityRef: 'component:default/web',
        title: 'Rolled web forward by hand',
        changes: [
          {
            kind: 'Deployment',
            namespace: 'shop',
            name: 'web',
            paths: ['/spec/template/spec/containers/0/image'],
          },
        ],
      });
    expect(res.status).toBe(201);
    // The hotfix explains the only drift: the page hears the new status.
    expect(signalled(publish).pop()).toEqual({
      entityRef: 'component:default/web',
      status: 'explained',
    });
  });

  it('still stores the status when publishing fails', async () => {
    const publish = jest.fn(async () => {
      throw new Error('events bus down');
    });
    const server = await start(publish);
    const res = await pushObservation(server, { image: 'shop/web:2.0.0' });
    expect(res.status).toBe(202);
    expect(res.body.drift.status).toBe('drifted');
    expect(publish).toHaveBeenCalled();
  });

  it('works when no signals backend is installed', async () => {
    const server = await start();
    const res = await pushObservation(server, { image: 'shop/web:2.0.0' });
    expect(res.status).toBe(202);
    expect(res.body.drift.status).toBe('drifted');
  });
});
