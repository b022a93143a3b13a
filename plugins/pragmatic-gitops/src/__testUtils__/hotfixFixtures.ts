import { ResponseError } from '@backstage/errors';
import { Hotfix } from '../api/types';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** A pending hotfix of component:default/payments, with overrides. */
export function hotfix(overrides: Partial<Hotfix> = {}): Hotfix {
  return {
    id: 'HF-1',
    entityRef: 'component:default/payments',
    title: 'Scale payments-api to 5 replicas',
    appliedBy: 'user:default/jane',
    appliedAt: ago(2 * HOUR),
    recordedAt: ago(HOUR),
    changes: [
      {
        kind: 'Deployment',
        namespace: 'payments',
        name: 'payments-api',
        paths: ['/spec/replicas'],
      },
    ],
    status: 'pending-backport',
    overdue: false,
    backportDueAt: new Date(Date.now() + 2 * DAY).toISOString(),
    ...overrides,
  };
}

/** The `ResponseError` a backend error of this status and message gives. */
export function responseError(
  statusCode: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const statusText: Record<number, string> = {
    400: 'Bad Request',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
  };
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'POST', url: '/hotfixes' },
        response: { statusCode },
      }),
      {
        status: statusCode,
        statusText: statusText[statusCode] ?? 'Error',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}
