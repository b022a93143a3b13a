import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { Knex } from 'knex';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { EntityStatusService } from './EntityStatusService';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  db: Knex;
  entityStatus: EntityStatusService;
};

/**
 * HTTP API of the plugin. Requests are validated against the OpenAPI spec
 * before they reach a handler, so handlers only see well-formed input.
 */
export async function createRouter(options: RouterOptions) {
  const { httpAuth, db, entityStatus } = options;
  const router = await createOpenApiRouter({
    // Agents push whole observations (live objects, Terraform plans).
    middleware: [express.json({ limit: '10mb' })],
  });

  router.get('/health', async (_req, res) => {
    await db.raw('select 1');
    res.json({ status: 'ok' });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await entityStatus.getEntityStatus(req.params, credentials));
  });

  return router;
}
