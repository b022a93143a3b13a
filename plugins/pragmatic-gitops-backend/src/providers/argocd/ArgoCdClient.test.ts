import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ArgoCdClient, ArgoCdRequestError } from './ArgoCdClient';

const BASE = 'https://argocd.example.com/argocd';
const PREFIX = `${BASE}/api/v1/applications/`;

describe('ArgoCdClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const seen: string[] = [];
  beforeEach(() => {
    seen.length = 0;
    server.events.on('request:start', ({ request }) => {
      seen.push(request.url);
    });
    // Answer anything, anywhere: only the recorded URLs matter here.
    server.use(http.all('*', () => HttpResponse.json({ items: [] })));
  });
  afterEach(() => server.events.removeAllListeners());

  const client = new ArgoCdClient({
    name: 'prod',
    baseUrl: BASE,
    token: 'client-test-token',
    timeoutMs: 2000,
    concurrency: 2,
  });

  it('builds URLs from the base URL and the encoded name', () => {
    expect(client.applicationUrl('payments')).toBe(`${PREFIX}payments`);
    expect(client.applicationUrl('payments', '/managed-resources')).toBe(
      `${PREFIX}payments/managed-resources`,
    );
  });

  it.each([
    '../../evil',
    'x?y=1',
    'http://evil.example',
    '//evil.example/x',
    'a#b',
    '%2e%2e%2f%2e%2e',
    '..\\..\\evil',
    'a b/c',
    '@evil.example',
    '%2e%2E',
  ])('keeps the app name %j inside the application path', async name => {
    await client.getApplication(name);
    await client.getManagedResources(name);
    expect(seen).toHaveLength(2);
    for (const url of seen) {
      const parsed = new URL(url);
      expect(parsed.origin).toBe('https://argocd.example.com');
      expect(url.startsWith(PREFIX)).toBe(true);
      expect(parsed.search).toBe('');
      expect(parsed.hash).toBe('');
      // One path segment for the name (plus the fixed suffix).
      const rest = parsed.pathname.slice(new URL(PREFIX).pathname.length);
      expect(rest.split('/')[0]).toBe(encodeURIComponent(name));
    }
  });

  it.each(['.', '..', ''])(
    'refuses the app name %j without sending anything',
    async name => {
      await expect(client.getApplication(name)).rejects.toMatchObject({
        kind: 'invalid-name',
      });
      expect(seen).toHaveLength(0);
    },
  );

  it('does not follow redirects', async () => {
    server.use(
      http.get(`${PREFIX}moved`, () =>
        HttpResponse.text('', {
          status: 302,
          headers: { Location: 'https://evil.example/steal' },
        }),
      ),
    );
    const error = await client.getApplication('moved').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgoCdRequestError);
    expect((error as ArgoCdRequestError).kind).toBe('redirect');
    expect(seen).toEqual([`${PREFIX}moved`]);
  });
});
