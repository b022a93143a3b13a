import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Runs a write inside an audit event, recording its success or failure. Used
 * by the REST routes (with the request) and by actions (without one; the
 * actor is then named in `meta`).
 */
export async function auditedWrite<T>(
  auditor: AuditorService,
  event: { eventId: string; request?: Request; meta: JsonObject },
  write: () => Promise<T>,
  successMeta: (result: T) => JsonObject,
): Promise<T> {
  const audit = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: 'medium',
    request: event.request,
    meta: event.meta,
  });
  try {
    const result = await write();
    await audit.success({ meta: successMeta(result) });
    return result;
  } catch (error) {
    await audit.fail({ error: error as Error });
    throw error;
  }
}
