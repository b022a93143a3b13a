import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CachedEntityReader } from './CachedEntityReader';

const TTL = 5_000;
const SECRET = 'component:default/secret';

const secret: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'secret', namespace: 'default' },
  spec: { owner: 'team-b' },
};

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');
const agent = mockCredentials.service('external:agent');

/**
 * A catalog that applies its own read permission: `readers` may read the
 * entity, nobody else. Records who asked.
 */
function catalog(readers: Set<string>) {
  const asked: string[] = [];
  const mock = catalogServiceMock.mock({
    getEntitiesByRefs: async (request, options?: any) => {
      const { principal } = options.credentials;
      const who = principal.userEntityRef ?? principal.subject;
      asked.push(who);
      return {
        items: request.entityRefs.map(ref =>
          ref === SECRET && readers.has(who) ? secret : undefined,
        ),
      };
    },
  });
  return { mock, asked };
}

function reader(readers: Set<string>) {
  const clock = { now: 0 };
  const { mock, asked } = catalog(readers);
  const entities = new CachedEntityReader(mock, {
    ttlMs: TTL,
    now: () => clock.now,
  });
  return { entities, asked, clock };
}

describe('CachedEntityReader', () => {
  it("reuses a principal's answer within the TTL, and asks again after it", async () => {
    const { entities, asked, clock } = reader(new Set(['user:default/bob']));
    expect(await entities.getEntityByRef(SECRET, bob)).toEqual(secret);
    clock.now = TTL - 1;
    expect(
      await entities.getEntityByRef(
        { kind: 'Component', namespace: 'default', name: 'secret' },
        bob,
      ),
    ).toEqual(secret);
    expect(asked).toEqual(['user:default/bob']);
    clock.now = TTL;
    await entities.getEntityByRef(SECRET, bob);
    expect(asked).toEqual(['user:default/bob', 'user:default/bob']);
  });

  it('never gives principal B the answer cached for principal A', async () => {
    const { entities, asked } = reader(new Set(['user:default/bob']));
    expect(await entities.getEntityByRef(SECRET, bob)).toEqual(secret);
    expect(await entities.getEntityByRef(SECRET, alice)).toBeUndefined();
    // A service is another principal again, whatever a user read before it.
    expect(await entities.getEntityByRef(SECRET, agent)).toBeUndefined();
    expect(asked).toEqual([
      'user:default/bob',
      'user:default/alice',
      'external:agent',
    ]);
  });

  it('keeps answering a denied caller with "not found", within the TTL and after it', async () => {
    const { entities, asked, clock } = reader(new Set(['user:default/bob']));
    expect(await entities.getEntityByRef(SECRET, alice)).toBeUndefined();
    await entities.getEntityByRef(SECRET, bob);
    clock.now = 1;
    expect(await entities.getEntityByRef(SECRET, alice)).toBeUndefined();
    clock.now = TTL + 1;
    expect(await entities.getEntityByRef(SECRET, alice)).toBeUndefined();
    // A missing answer is never reused: the catalog was asked every time.
    expect(asked.filter(who => who === 'user:default/alice')).toHaveLength(3);
  });

  it('shows a revoked read permission once the TTL has passed, and a new one at once', async () => {
    const readers = new Set(['user:default/bob']);
    const { entities, clock } = reader(readers);
    await entities.getEntityByRef(SECRET, bob);
    readers.delete('user:default/bob');
    readers.add('user:default/alice');
    clock.now = TTL - 1;
    // As documented: bob's own answer may be reused until the TTL ends.
    expect(await entities.getEntityByRef(SECRET, bob)).toEqual(secret);
    expect(await entities.getEntityByRef(SECRET, alice)).toEqual(secret);
    clock.now = TTL;
    expect(await entities.getEntityByRef(SECRET, bob)).toBeUndefined();
  });

  it('always asks the catalog for fresh reads, and with a TTL of 0', async () => {
    const { entities, asked } = reader(new Set(['user:default/bob']));
    await entities.getEntityByRef(SECRET, bob);
    await entities.getFreshEntityByRef(SECRET, bob);
    expect(asked).toHaveLength(2);

    const off = catalog(new Set(['user:default/bob']));
    const uncached = new CachedEntityReader(off.mock, { ttlMs: 0 });
    await uncached.getEntityByRef(SECRET, bob);
    await uncached.getEntityByRef(SECRET, bob);
    expect(off.asked).toHaveLength(2);
  });

  it('forgets a failed read, so the next one asks the catalog again', async () => {
    let fail = true;
    const mock = catalogServiceMock.mock({
      getEntitiesByRefs: async () => {
        if (fail) throw new Error('catalog unavailable');
        return { items: [secret] };
      },
    });
    const entities = new CachedEntityReader(mock, { ttlMs: TTL, now: () => 0 });
    await expect(entities.getEntityByRef(SECRET, bob)).rejects.toThrow(
      'catalog unavailable',
    );
    fail = false;
    expect(await entities.getEntityByRef(SECRET, bob)).toEqual(secret);
  });
});
