import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { createPragmaticGitopsAnnotateAction } from './annotate';

const COMPONENT = `# The payments service
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  description: Takes the money # keep this comment
  annotations:
    github.com/project-slug: acme/payments
spec:
  type: service
  lifecycle: production
  owner: team-payments
`;

const MULTI_DOCUMENT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
spec:
  type: service
  owner: team-payments
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments-api
spec:
  type: openapi
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: payments-db, namespace: billing }
spec:
  type: database
---
apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: payments-extra
spec:
  targets: [./more.yaml]
`;

const SOURCE = 'url:https://github.com/acme/gitops/tree/main/apps/payments';

describe('pragmatic-gitops:annotate', () => {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createPragmaticGitopsAnnotateAction();

  const run = (input: Record<string, unknown>) => {
    const ctx = createMockActionContext({ input: input as any, workspacePath });
    return { ctx, done: action.handler(ctx as any) };
  };
  const readFile = (path = 'catalog-info.yaml') =>
    fs.readFileSync(mockDir.resolve('workspace', path), 'utf8');
  const annotationsOf = (text: string) =>
    parseAllDocuments(text).map(
      document => document.toJS().metadata?.annotations,
    );

  beforeEach(() => {
    mockDir.setContent({ workspace: { 'catalog-info.yaml': COMPONENT } });
  });

  it('writes the annotations and keeps existing ones and comments', async () => {
    const { ctx, done } = run({
      track: 'declarative',
      sourceLocation: SOURCE,
      ignoreDifferences: ['/spec/replicas', 'Deployment/web:/metadata/labels'],
      secretRefs: ['vault:kv/payments/db#password'],
    });
    await done;

    const text = readFile();
    expect(annotationsOf(text)).toEqual([
      {
        'github.com/project-slug': 'acme/payments',
        'pragmatic-gitops.io/track': 'declarative',
        'pragmatic-gitops.io/source-location': SOURCE,
        'pragmatic-gitops.io/ignore-differences':
          '/spec/replicas\nDeployment/web:/metadata/labels',
        'pragmatic-gitops.io/secret-refs': 'vault:kv/payments/db#password',
      },
    ]);
    expect(text).toContain('# The payments service');
    expect(text).toContain('# keep this comment');
    expect(ctx.output).toHaveBeenCalledWith('entityRefs', [
      'component:default/payments',
    ]);
  });

  it.each([
    ['A', 'declarative'],
    ['b', 'operator'],
    [' C ', 'imperative'],
    ['Operator', 'operator'],
  ])('normalises track %j to %s', async (track, expected) => {
    await run({ track, sourceLocation: 'dir:./deploy' }).done;

    expect(annotationsOf(readFile())[0]).toMatchObject({
      'pragmatic-gitops.io/track': expected,
      'pragmatic-gitops.io/source-location': 'dir:./deploy',
    });
  });

  it('annotates every Component, Resource and System of a multi-document file', async () => {
    mockDir.setContent({ workspace: { 'catalog-info.yaml': MULTI_DOCUMENT } });

    const { ctx, done } = run({ track: 'B', sourceLocation: SOURCE });
    await done;

    const text = readFile();
    const [component, api, resource, location] = annotationsOf(text);
    expect(component).toEqual({
      'pragmatic-gitops.io/track': 'operator',
      'pragmatic-gitops.io/source-location': SOURCE,
    });
    expect(resource).toEqual(component);
    expect(api).toBeUndefined();
    expect(location).toBeUndefined();
    expect(text.match(/^---$/gm)).toHaveLength(3);
    expect(ctx.output).toHaveBeenCalledWith('entityRefs', [
      'component:default/payments',
      'resource:billing/payments-db',
    ]);
  });

  it('annotates a file given by filePath', async () => {
    mockDir.setContent({
      workspace: { 'services/payments/catalog-info.yaml': COMPONENT },
    });

    await run({
      track: 'imperative',
      sourceLocation: 'dir:./terraform',
      filePath: 'services/payments/catalog-info.yaml',
    }).done;

    expect(
      annotationsOf(readFile('services/payments/catalog-info.yaml'))[0],
    ).toMatchObject({ 'pragmatic-gitops.io/track': 'imperative' });
  });

  it('is idempotent', async () => {
    const input = {
      track: 'operator',
      sourceLocation: SOURCE,
      ignoreDifferences: ['/spec/replicas', '/status'],
      secretRefs: ['vault:kv/payments/db#password', 'aws-sm:payments/api'],
    };
    await run(input).done;
    const once = readFile();
    await run(input).done;

    expect(readFile()).toBe(once);
  });

  it('updates annotations written by an earlier run', async () => {
    await run({ track: 'A', sourceLocation: SOURCE }).done;
    await run({
      track: 'C',
      sourceLocation: 'dir:./terraform',
      secretRefs: ['vault:kv/a#b', 'vault:kv/c'],
    }).done;

    expect(annotationsOf(readFile())[0]).toEqual({
      'github.com/project-slug': 'acme/payments',
      'pragmatic-gitops.io/track': 'imperative',
      'pragmatic-gitops.io/source-location': 'dir:./terraform',
      'pragmatic-gitops.io/secret-refs': 'vault:kv/a#b\nvault:kv/c',
    });
  });

  it.each([
    [
      'track',
      'unknown track',
      { track: 'D', sourceLocation: SOURCE },
      /Invalid input track: .*pragmatic-gitops\.io\/track: "D" is not a track/,
    ],
    [
      'sourceLocation',
      'no url: or dir: prefix',
      { track: 'A', sourceLocation: 'https://github.com/acme/gitops' },
      /Invalid input sourceLocation: .*pragmatic-gitops\.io\/source-location/,
    ],
    [
      'sourceLocation',
      'not http(s)',
      { track: 'A', sourceLocation: 'url:ftp://example.com/x' },
      /Invalid input sourceLocation: .*not http\(s\)/,
    ],
    [
      'ignoreDifferences',
      'not a JSON pointer',
      {
        track: 'A',
        sourceLocation: SOURCE,
        ignoreDifferences: ['/ok', 'spec.replicas'],
      },
      /Invalid input ignoreDifferences\[1\]: .*pragmatic-gitops\.io\/ignore-differences/,
    ],
    [
      'secretRefs',
      'not a reference',
      { track: 'A', sourceLocation: SOURCE, secretRefs: ['hunter2'] },
      /Invalid input secretRefs\[0\]: .*pragmatic-gitops\.io\/secret-refs: "hunter2"/,
    ],
    [
      'secretRefs',
      'not a list',
      { track: 'A', sourceLocation: SOURCE, secretRefs: 'vault:kv/a' },
      /Invalid input secretRefs: expected a list of strings, got string/,
    ],
    [
      'track',
      'not a string',
      { track: 3, sourceLocation: SOURCE },
      /Invalid input track: expected a string, got number/,
    ],
  ])(
    'rejects an invalid %s (%s) and leaves the file untouched',
    async (_field, _case, input, message) => {
      const { done } = run(input);

      await expect(done).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
      expect(readFile()).toBe(COMPONENT);
    },
  );

  it('rejects a missing file', async () => {
    const { done } = run({
      track: 'A',
      sourceLocation: SOURCE,
      filePath: 'nope/catalog-info.yaml',
    });

    await expect(done).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /Invalid input filePath: "nope\/catalog-info.yaml" does not exist/,
      ),
    });
  });

  it('rejects a directory', async () => {
    mockDir.addContent({ workspace: { deploy: {} } });

    await expect(
      run({ track: 'A', sourceLocation: SOURCE, filePath: 'deploy' }).done,
    ).rejects.toThrow(/Invalid input filePath: "deploy" is not a file/);
  });

  it.each(['../outside.yaml', '/etc/hosts', 'sub/../../outside.yaml'])(
    'rejects the path %s that escapes the workspace',
    async filePath => {
      mockDir.addContent({ 'outside.yaml': COMPONENT });

      await expect(
        run({ track: 'A', sourceLocation: SOURCE, filePath }).done,
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /Invalid input filePath: .* points outside the workspace/,
        ),
      });
      expect(fs.readFileSync(mockDir.resolve('outside.yaml'), 'utf8')).toBe(
        COMPONENT,
      );
    },
  );

  it('rejects a symbolic link that leads out of the workspace', async () => {
    mockDir.addContent({ 'outside.yaml': COMPONENT });
    fs.symlinkSync(
      mockDir.resolve('outside.yaml'),
      mockDir.resolve('workspace', 'linked.yaml'),
    );

    await expect(
      run({ track: 'A', sourceLocation: SOURCE, filePath: 'linked.yaml' }).done,
    ).rejects.toThrow(/Invalid input filePath: "linked.yaml" points outside/);
    expect(fs.readFileSync(mockDir.resolve('outside.yaml'), 'utf8')).toBe(
      COMPONENT,
    );
  });

  it.each([
    [
      'no entity',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n',
      /filePath "catalog-info.yaml" holds no Component, Resource, System entity/,
    ],
    ['an empty file', '', /holds no Component, Resource, System entity/],
    [
      'invalid YAML',
      'metadata:\n  name: [unclosed\n',
      /filePath "catalog-info.yaml" is not valid YAML \(document 1\)/,
    ],
    [
      'an unnamed entity',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  title: x\n',
      /document 1: Component entity has no metadata.name/,
    ],
    [
      'annotations that are not a map',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  annotations: [a]\n',
      /document 1: metadata.annotations is not a map/,
    ],
  ])(
    'rejects a file with %s and leaves it untouched',
    async (_, content, message) => {
      mockDir.setContent({ workspace: { 'catalog-info.yaml': content } });

      await expect(
        run({ track: 'A', sourceLocation: SOURCE }).done,
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
      expect(readFile()).toBe(content);
    },
  );
});
