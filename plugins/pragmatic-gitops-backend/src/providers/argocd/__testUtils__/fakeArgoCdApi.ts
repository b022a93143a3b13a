/**
 * A small Argo CD API server for tests and the benchmark: `GET
 * /api/v1/applications/{name}` and `.../managed-resources` for a fixed set
 * of applications. It records every request, answers 401 to a wrong token
 * and 404 to an unknown application. Bodies are serialised once, up front,
 * so that a benchmark in the same process measures the client, not the stub.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  applicationBody,
  ApplicationStatus,
  ManagedResource,
  managedResourcesBody,
} from './argoCdBodies';

export type FakeArgoCdApplication = {
  status: ApplicationStatus;
  resources: ManagedResource[];
};

export type FakeArgoCdApi = {
  url: string;
  /** `GET <path>` of every request, in arrival order. */
  requests: string[];
  /** Response body bytes sent so far. */
  bytesSent(): number;
  close(): Promise<void>;
};

const APPLICATION_PATH =
  /^\/api\/v1\/applications\/([^/]+)(\/managed-resources)?$/;

export async function startFakeArgoCdApi(options: {
  token: string;
  applications: Map<string, FakeArgoCdApplication>;
}): Promise<FakeArgoCdApi> {
  const bodies = new Map(
    [...options.applications].map(([name, app]) => [
      name,
      {
        application: JSON.stringify(
          applicationBody(name, app.status, app.resources),
        ),
        managed: JSON.stringify(managedResourcesBody(app.resources)),
      },
    ]),
  );
  const requests: string[] = [];
  let bytes = 0;
  const answer = (res: http.ServerResponse, status: number, body: string) => {
    bytes += Buffer.byteLength(body);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
  /** Argo CD's error body: a gRPC status code and its message. */
  const error = (code: number, message: string) =>
    JSON.stringify({ error: message, code, message });

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    requests.push(`${req.method} ${path}`);
    req.resume();
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      answer(res, 401, error(16, 'invalid session'));
      return;
    }
    const match = req.method === 'GET' ? APPLICATION_PATH.exec(path) : null;
    const found = match ? bodies.get(decodeURIComponent(match[1])) : undefined;
    if (!match || !found) {
      answer(res, 404, error(5, 'application not found'));
      return;
    }
    answer(res, 200, match[2] ? found.managed : found.application);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    bytesSent: () => bytes,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
