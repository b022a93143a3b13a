/**
 * One backend per fuzz test file (starting one per input would take hours):
 * the whole plugin with a few deployed components, and a raw JSON sender so
 * bodies go out exactly as generated (own `__proto__` keys included).
 */
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  API,
  deployedComponent,
  startSecurityBackend,
} from './securityBackend';
import { webCheckout } from './webCheckout';

/**
 * Enough entities that valid generated hotfixes never reach the cap of open
 * hotfixes per entity (a correct 400 naming entityRef, not the field broken).
 */
export const FUZZ_ENTITIES = Array.from({ length: 150 }, (_, i) => `svc-${i}`);

export async function startFuzzBackend(
  databases: TestDatabases,
  options: { entities?: number } = {},
) {
  const dir = webCheckout();
  const backend = await startSecurityBackend({
    knex: await databases.init('SQLITE_3'),
    entities: [
      deployedComponent(dir, 'web'),
      ...FUZZ_ENTITIES.slice(0, options.entities).map(name =>
        deployedComponent(dir, name),
      ),
    ],
  });
  const send = (
    method: 'post' | 'get',
    path: string,
    body: unknown,
    authorization = mockCredentials.user.header(),
  ) => {
    const req = request(backend.server)
      [method](`${API}${path}`)
      .set('Authorization', authorization);
    return body === undefined
      ? req
      : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  };
  return { ...backend, dir, send };
}
