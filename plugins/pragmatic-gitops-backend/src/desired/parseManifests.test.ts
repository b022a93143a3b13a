import { migrationNames, parseManifests } from './parseManifests';

describe('parseManifests', () => {
  it('reads multi-document YAML, JSON and List objects, skipping non-objects', () => {
    const result = parseManifests([
      {
        path: 'app/deploy.yaml',
        content: [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: { name: web }',
          '---',
          'apiVersion: v1',
          'kind: Service',
          'metadata: { name: web }',
          '---',
          '# only a comment',
        ].join('\n'),
      },
      {
        path: 'list.json',
        content: JSON.stringify({
          apiVersion: 'v1',
          kind: 'List',
          metadata: { name: 'l' },
          items: [
            { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' } },
          ],
        }),
      },
      {
        path: 'kustomization.yaml',
        content:
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nmetadata: { name: k }\nresources: [deploy.yaml]',
      },
      { path: 'README.md', content: '# not a manifest' },
    ]);
    expect(result.objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Deployment/web',
      'Service/web',
      'ConfigMap/cfg',
    ]);
    expect(result.findings).toEqual([]);
  });

  it('turns an unparseable file into a finding naming the file, without its content', () => {
    const result = parseManifests([
      {
        path: 'good.yaml',
        content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ok }',
      },
      {
        path: 'broken.yaml',
        content: 'apiVersion: v1\nkind: Secret\n  password: canary-4f1c: [',
      },
    ]);
    expect(result.objects).toHaveLength(1);
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unparseable-manifest',
        location: 'broken.yaml',
        message: expect.stringContaining('broken.yaml could not be parsed'),
      }),
    ]);
    expect(JSON.stringify(result.findings)).not.toContain('canary-4f1c');
  });

  it('turns a YAML alias bomb into a finding instead of a crash', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const result = parseManifests([{ path: 'bomb.yaml', content: bomb }]);
    expect(result.objects).toEqual([]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: 'unparseable-manifest',
        location: 'bomb.yaml',
      }),
    ]);
  });

  it('sets SOPS-encrypted files aside instead of treating them as desired objects', () => {
    const result = parseManifests([
      {
        path: 'secret.sops.yaml',
        content:
          'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata:\n  password: ENC[AES256_GCM,data:abc,type:str]\nsops:\n  version: 3.8.1',
      },
    ]);
    expect(result.objects).toEqual([]);
    expect(result.sopsFiles).toEqual(['secret.sops.yaml']);
  });
});

describe('parseManifests: source files and encrypted files', () => {
  it('records the source file of every object, in the same order', () => {
    const result = parseManifests([
      {
        path: 'b/service.yaml',
        content: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }',
      },
      {
        path: 'a/list.json',
        content: JSON.stringify({
          apiVersion: 'v1',
          kind: 'List',
          metadata: { name: 'l' },
          items: [
            { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' } },
            { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'two' } },
          ],
        }),
      },
    ]);
    expect(result.objects.map(o => o.metadata.name)).toEqual([
      'one',
      'two',
      'web',
    ]);
    expect(result.objectFiles).toEqual([
      'a/list.json',
      'a/list.json',
      'b/service.yaml',
    ]);
  });

  it('lists SOPS files once as encryptedFiles, also when only values are ENC[…]', () => {
    const result = parseManifests([
      {
        path: 'two-docs.sops.yaml',
        content:
          'kind: Secret\nsops: { version: 3.8.1 }\n---\nkind: Secret\nsops: { version: 3.8.1 }',
      },
      {
        path: 'partial.yaml',
        content:
          'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: p }\ndata:\n  token: ENC[AES256_GCM,data:x1,type:str]\n  plain: ENC is not a payload',
      },
      {
        path: 'plain.yaml',
        content:
          'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: q }\ndata: { note: "ENC[ is only text here" }',
      },
    ]);
    // The identity of what they hold is kept (SOPS leaves it in clear);
    // documents without one (no apiVersion, no metadata) keep none.
    expect(result.encryptedFiles).toEqual([
      {
        path: 'partial.yaml',
        kind: 'sops',
        objects: [
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'p' } },
        ],
      },
      { path: 'two-docs.sops.yaml', kind: 'sops' },
    ]);
    expect(result.sopsFiles).toEqual(['partial.yaml', 'two-docs.sops.yaml']);
    expect(result.objects.map(o => o.metadata.name)).toEqual(['q']);
    expect(result.objectFiles).toEqual(['plain.yaml']);
  });
});

describe('migrationNames', () => {
  it('lists SQL migrations without extension', () => {
    expect(
      migrationNames([
        'migrations/V1__init.sql',
        'migrations/V2__add.SQL',
        'flyway.toml',
      ]),
    ).toEqual(['V1__init', 'V2__add']);
  });
});
