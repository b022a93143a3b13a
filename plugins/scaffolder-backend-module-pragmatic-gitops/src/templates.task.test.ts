/*
 * Runs record-hotfix.yaml as a real scaffolder task (not a dry run) in a test
 * backend with this module installed, msw standing in for the Pragmatic
 * GitOps backend: the record step's id reaches the back-port step, and the
 * template's output shows the pull request, the patch and the refusals.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { HotfixBackport } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { DIFF, NOT_DECLARED, WRITTEN } from './__testUtils__/backportFixtures';
import { scaffolderModulePragmaticGitops } from './module';

jest.setTimeout(60_000);

const TEMPLATE = parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../catalog/templates/record-hotfix.yaml'),
    'utf8',
  ),
);
const TEMPLATE_REF = `template:default/${TEMPLATE.metadata.name}`;

const VALUES = {
  entity: 'component:default/payments-api',
  title: 'Scale payments-api to 6 replicas',
  changes: [
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments-api',
      paths: ['/spec/replicas'],
    },
  ],
  openBackportPr: true,
};

type Output = {
  links?: Array<{ title?: string; url?: string }>;
  text?: Array<{ title?: string; content?: string }>;
};

describe('record-hotfix.yaml as a scaffolder task', () => {
  const server = setupServer();
  let baseUrl: string;
  let backportCalls: string[];

  beforeAll(async () => {
    // Only the Pragmatic GitOps backend is stood in for; the test's own calls
    // to the scaffolder go through.
    server.listen({ onUnhandledRequest: 'bypass' });
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModulePragmaticGitops,
        catalogServiceMock.factory({ entities: [TEMPLATE] }),
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'https://backstage.acme.example' } },
        }),
      ],
    });
    baseUrl = `http://localhost:${
      (backend.server.address() as AddressInfo).port
    }`;
  });

  afterAll(() => server.close());

  function pragmaticGitops(backport: HotfixBackport) {
    backportCalls = [];
    server.resetHandlers(
      http.post('*/api/pragmatic-gitops/hotfixes', () =>
        HttpResponse.json(
          { id: 'HF-42', status: 'pending-backport' },
          { status: 201 },
        ),
      ),
      http.post(
        '*/api/pragmatic-gitops/hotfixes/:id/backport',
        async ({ params, request }) => {
          backportCalls.push(`${params.id} ${await request.text()}`);
          return HttpResponse.json(backport, { status: 201 });
        },
      ),
    );
  }

  async function run(values: Record<string, unknown>): Promise<Output> {
    const headers = {
      Authorization: mockCredentials.user.header(),
      'Content-Type': 'application/json',
    };
    const created = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ templateRef: TEMPLATE_REF, values }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    for (;;) {
      const events = await (
        await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}/events`, {
          headers,
        })
      ).json();
      const completion = events.find((e: any) => e.type === 'completion');
      if (completion) {
        if (completion.body.error) {
          throw new Error(events.map((e: any) => e.body.message).join('\n'));
        }
        return completion.body.output;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  const link = (output: Output, title: string) =>
    output.links?.find(l => l.title === title);

  it('links to the back-port pull request and lists what is left to the user', async () => {
    pragmaticGitops({
      hotfixId: 'HF-42',
      type: 'pull-request',
      written: WRITTEN,
      refused: [NOT_DECLARED],
      pullRequest: {
        url: 'https://github.com/acme/deploy/pull/12',
        number: 12,
        branch: 'backport/HF-42',
        created: true,
      },
    });

    const output = await run(VALUES);

    expect(backportCalls).toEqual(['HF-42 ']);
    expect(link(output, 'Back-port pull request')?.url).toBe(
      'https://github.com/acme/deploy/pull/12',
    );
    const content = output.text?.[0].content ?? '';
    expect(content).toContain(
      'The back-port pull request is open:\nhttps://github.com/acme/deploy/pull/12.',
    );
    expect(content).toContain(
      'Left to you:\n- `/spec/template/spec/containers/0/env`: No plain manifest declares this field',
    );
    expect(content).not.toContain('```diff');
  });

  it('shows the patch of a local source', async () => {
    pragmaticGitops({
      hotfixId: 'HF-42',
      type: 'diff',
      written: WRITTEN,
      refused: [],
      diff: DIFF,
    });

    const output = await run(VALUES);

    const content = output.text?.[0].content ?? '';
    expect(content).toContain(`\`\`\`diff\n${DIFF}`);
    expect(content).not.toContain('Left to you');
    expect(content).not.toContain('pull request is open');
    expect(link(output, 'Back-port pull request')?.url).toBeFalsy();
  });

  it('does not generate the back-port when not asked', async () => {
    pragmaticGitops({
      hotfixId: 'HF-42',
      type: 'diff',
      written: [],
      refused: [],
    });

    const output = await run({ ...VALUES, openBackportPr: false });

    expect(backportCalls).toEqual([]);
    expect(output.text?.[0].content).toContain('Backport-Of: HF-42');
  });
});
