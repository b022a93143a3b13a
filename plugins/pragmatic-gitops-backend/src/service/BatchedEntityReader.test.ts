import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { BatchedEntityReader } from './BatchedEntityReader';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { owner: name === 'secret' ? 'team-b' : 'team-a' },
});

const entities = ['a', 'b', 'c', 'secret'].map(component);
const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

/** A catalog where alice may not read `secret`; counts its requests. */
function catalog() {
  const requests: Array<{ refs: string[]; user?: string }> = [];
  const mock = catalogServiceMock.mock({
    getEntitiesByRefs: async (request, options?: any) => {
      const user = options?.credentials.principal.userEntityRef;
      requests.push({ refs: request.entityRefs, user });
      await new Promise(resolve => setTimeout(resolve, 5));
      return {
        items: request.entityRefs.map(ref =>
          entities.find(
            e =>
              `component:default/${e.metadata.name}` === ref &&
              !(
                e.metadata.name === 'secret' &&
                user === alice.principal.userEntityRef
              ),
          ),
        ),
      };
    },
  });
  return { mock, requests };
}

describe('BatchedEntityReader', () => {
  it('sends reads made while a request is in flight together, each answered with its own entity', async () => {
    const { mock, requests } = catalog();
    const reader = new BatchedEntityReader(mock);
    const answers = await Promise.all(
      [
        'component:default/a',
        'component:default/b',
        'component:default/c',
        'component:default/b',
      ].map(ref => reader.getEntityByRef(ref, alice)),
    );
    expect(answers.map(e => e?.metadata.name)).toEqual(['a', 'b', 'c', 'b']);
    expect(requests.map(r => r.refs)).toEqual([
      ['component:default/a'],
      ['component:default/b', 'component:default/c'],
    ]);
  });

  it("keeps each caller's read permission: principals never share a request", async () => {
    const { mock, requests } = catalog();
    const reader = new BatchedEntityReader(mock);
    const [forAlice, forBob] = await Promise.all([
      reader.getEntityByRef(
        { kind: 'component', namespace: 'default', name: 'secret' },
        alice,
      ),
      reader.getEntityByRef('component:default/secret', bob),
    ]);
    expect(forAlice).toBeUndefined();
    expect(forBob?.metadata.name).toBe('secret');
    expect(requests).toEqual([
      { refs: ['component:default/secret'], user: 'user:default/alice' },
      { refs: ['component:default/secret'], user: 'user:default/bob' },
    ]);
  });

  it('fails every read of a batch the catalog fails, and serves the next', async () => {
    let fail = true;
    const reader = new BatchedEntityReader(
      catalogServiceMock.mock({
        getEntitiesByRefs: async request => {
          if (fail) throw new Error('catalog down');
          return { items: request.entityRefs.map(() => entities[0]) };
        },
      }),
    );
    await expect(
      reader.getEntityByRef('component:default/a', alice),
    ).rejects.toThrow('catalog down');
    fail = false;
    await expect(
      reader.getEntityByRef('component:default/a', alice),
    ).resolves.toBe(entities[0]);
  });
});
