import { parseIgnoreDifferences } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseDocument } from 'yaml';
import { createPragmaticGitopsAnnotateAction } from './actions/annotate';
import { createPragmaticGitopsBackportHotfixAction } from './actions/backportHotfix';
import { createPragmaticGitopsRecordHotfixAction } from './actions/recordHotfix';

const CATALOG_DIR = path.resolve(__dirname, '../../../catalog');
const TEMPLATES_DIR = path.join(CATALOG_DIR, 'templates');

/** Actions the scaffolder and its GitHub module provide. */
const BUILT_IN_ACTIONS = [
  'fetch:template',
  'fetch:plain',
  'publish:github',
  'publish:github:pull-request',
  'catalog:register',
];

const OUR_ACTIONS = [
  createPragmaticGitopsAnnotateAction(),
  createPragmaticGitopsRecordHotfixAction({} as any),
  createPragmaticGitopsBackportHotfixAction({} as any),
].map(action => action.id);

type Step = {
  id: string;
  action: string;
  if?: unknown;
  input?: Record<string, any>;
};

type TemplateEntity = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; title?: string };
  spec: {
    parameters: Array<Record<string, any>>;
    steps: Step[];
    output?: Record<string, any>;
  };
};

const templateFiles = fs
  .readdirSync(TEMPLATES_DIR)
  .filter(file => /\.ya?ml$/.test(file))
  .sort();

const templates = templateFiles.map(file => {
  const text = fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf8');
  const document = parseDocument(text);
  return {
    file,
    text,
    errors: document.errors,
    entity: document.toJS() as TemplateEntity,
  };
});

const byFile = (file: string) => {
  const template = templates.find(t => t.file === file);
  if (!template) {
    throw new Error(`No template ${file}`);
  }
  return template.entity;
};

const stepOf = (entity: TemplateEntity, action: string) =>
  entity.spec.steps.filter(step => step.action === action);

/** Every property schema of every parameter page, dependencies included. */
function propertiesOf(entity: TemplateEntity): Record<string, any> {
  const properties: Record<string, any> = {};
  const visit = (schema: any) => {
    if (!schema || typeof schema !== 'object') {
      return;
    }
    Object.assign(properties, schema.properties ?? {});
    for (const dependency of Object.values<any>(schema.dependencies ?? {})) {
      (dependency.oneOf ?? []).forEach(visit);
      visit(dependency);
    }
  };
  entity.spec.parameters.forEach(visit);
  return properties;
}

describe('software templates in catalog/templates', () => {
  it('finds the templates', () => {
    expect(templateFiles).toEqual([
      'declarative-service.yaml',
      'imperative-migration-job.yaml',
      'new-service.yaml',
      'operator-database.yaml',
      'record-hotfix.yaml',
    ]);
  });

  describe.each(templates.map(t => [t.file, t] as const))(
    '%s',
    (file, { entity, errors }) => {
      it('is valid YAML and a valid scaffolder.backstage.io/v1beta3 Template', async () => {
        expect(errors).toEqual([]);
        await expect(
          templateEntityV1beta3Validator.check(entity as any),
        ).resolves.toBe(true);
      });

      it('uses only built-in actions and ours', () => {
        const unknown = entity.spec.steps
          .map(step => step.action)
          .filter(
            action =>
              !BUILT_IN_ACTIONS.includes(action) &&
              !OUR_ACTIONS.includes(action),
          );
        expect(unknown).toEqual([]);
      });

      it('has unique step ids and refers only to earlier steps', () => {
        const ids = entity.spec.steps.map(step => step.id);
        expect(new Set(ids).size).toBe(ids.length);
        entity.spec.steps.forEach((step, index) => {
          const referenced = [
            ...JSON.stringify(step).matchAll(/steps\['([^']+)'\]/g),
          ].map(match => match[1]);
          for (const id of referenced) {
            expect(ids.slice(0, index)).toContain(id);
          }
        });
        const outputRefs = [
          ...JSON.stringify(entity.spec.output ?? {}).matchAll(
            /steps\['([^']+)'\]/g,
          ),
        ].map(match => match[1]);
        for (const id of outputRefs) {
          expect(ids).toContain(id);
        }
      });

      it('refers only to parameters it asks for', () => {
        const asked = Object.keys(propertiesOf(entity));
        const used = [
          ...JSON.stringify([entity.spec.steps, entity.spec.output]).matchAll(
            /parameters\.([A-Za-z0-9_]+)/g,
          ),
        ].map(match => match[1]);
        expect(used.filter(name => !asked.includes(name))).toEqual([]);
      });

      it('fetches skeletons that exist', () => {
        for (const step of [
          ...stepOf(entity, 'fetch:template'),
          ...stepOf(entity, 'fetch:plain'),
        ]) {
          const url = step.input?.url as string;
          expect(url).toMatch(/^\.\/skeletons\/[a-z-]+$/);
          expect(fs.statSync(path.join(TEMPLATES_DIR, url)).isDirectory()).toBe(
            true,
          );
        }
      });

      it('is listed in catalog/all.yaml', () => {
        const location = parse(
          fs.readFileSync(path.join(CATALOG_DIR, 'all.yaml'), 'utf8'),
        );
        expect(location.spec.targets).toContain(`./templates/${file}`);
      });
    },
  );

  it('would notice an invalid template', async () => {
    const { entity } = templates[0];
    await expect(
      templateEntityV1beta3Validator.check({
        ...entity,
        spec: { ...entity.spec, steps: 'fetch:template' },
      } as any),
    ).rejects.toThrow(/steps/);
  });

  it('every skeleton is used by a template', () => {
    const used = new Set(
      templates.flatMap(({ entity }) =>
        entity.spec.steps
          .filter(step => step.action.startsWith('fetch:'))
          .map(step => path.basename(step.input?.url)),
      ),
    );
    expect(
      fs.readdirSync(path.join(TEMPLATES_DIR, 'skeletons')).sort(),
    ).toEqual([...used].sort());
  });

  it('no two skeletons hold the same file', () => {
    const skeletons = path.join(TEMPLATES_DIR, 'skeletons');
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          walk(full);
          continue;
        }
        const file = path.relative(skeletons, full);
        const content = fs.readFileSync(full, 'utf8');
        const other = seen.get(content);
        if (other) {
          duplicates.push(`${file} = ${other}`);
        }
        seen.set(content, file);
      }
    };
    walk(skeletons);
    expect(duplicates).toEqual([]);
  });

  describe.each([
    [
      'declarative-service.yaml',
      'declarative',
      'deploy',
      'declarative-service',
    ],
    ['operator-database.yaml', 'operator', 'deploy', 'operator-database'],
    [
      'imperative-migration-job.yaml',
      'imperative',
      'migrations',
      'imperative-migration-job',
    ],
  ])('%s', (file, track, folder, skeleton) => {
    const entity = byFile(file);

    it('fetches the common skeleton and its own, then annotates, publishes and registers', () => {
      expect(entity.spec.steps.map(step => step.action)).toEqual([
        'fetch:template',
        'fetch:template',
        'pragmatic-gitops:annotate',
        'publish:github',
        'catalog:register',
      ]);
      expect(
        stepOf(entity, 'fetch:template').map(step => step.input?.url),
      ).toEqual(['./skeletons/common', `./skeletons/${skeleton}`]);
      expect(stepOf(entity, 'fetch:template')[0].input?.values).toMatchObject({
        track,
        deployPath: folder,
      });
    });

    it(`puts the entity on the ${track} track, its source the ${folder}/ folder`, () => {
      const [annotate] = stepOf(entity, 'pragmatic-gitops:annotate');
      expect(annotate.input?.track).toBe(track);
      expect(annotate.input?.sourceLocation).toMatch(
        new RegExp(`^url:https://\\$\\{\\{.*\\}\\}/tree/main/${folder}$`),
      );
      expect(
        fs
          .statSync(path.join(TEMPLATES_DIR, 'skeletons', skeleton, folder))
          .isDirectory(),
      ).toBe(true);
    });
  });

  it('operator-database.yaml offers ignore rules that the annotation accepts', () => {
    const entity = byFile('operator-database.yaml');
    const { ignoreDifferences } = propertiesOf(entity);
    expect(ignoreDifferences.default.length).toBeGreaterThan(0);
    for (const rule of ignoreDifferences.default) {
      expect(parseIgnoreDifferences(rule)).toHaveLength(1);
      expect(rule).toMatch(new RegExp(ignoreDifferences.items.pattern));
    }
    const [annotate] = stepOf(entity, 'pragmatic-gitops:annotate');
    expect(annotate.input?.ignoreDifferences).toBe(
      '${{ parameters.ignoreDifferences }}',
    );
  });

  it('imperative-migration-job.yaml records its Vault credentials as secret references', () => {
    const [annotate] = stepOf(
      byFile('imperative-migration-job.yaml'),
      'pragmatic-gitops:annotate',
    );
    expect(annotate.input?.secretRefs).toEqual([
      'vault:${{ parameters.vaultMount }}/${{ parameters.vaultPath }}#username',
      'vault:${{ parameters.vaultMount }}/${{ parameters.vaultPath }}#password',
    ]);
  });

  describe('record-hotfix.yaml', () => {
    const entity = byFile('record-hotfix.yaml');
    const properties = propertiesOf(entity);

    it('picks only entities on a Pragmatic GitOps track', () => {
      expect(properties.entity['ui:field']).toBe('EntityPicker');
      expect(properties.entity['ui:options'].catalogFilter).toEqual([
        { 'metadata.annotations.pragmatic-gitops.io/track': { exists: true } },
      ]);
    });

    it('asks only whether to generate the back-port: the repository is the entity source', () => {
      const page = entity.spec.parameters.find(
        p => p.properties?.openBackportPr,
      )!;
      expect(page.properties).toEqual({
        openBackportPr: expect.objectContaining({
          type: 'boolean',
          default: false,
        }),
      });
      expect(page.dependencies).toBeUndefined();
    });

    it('records the hotfix, then generates its back-port when asked, from the recorded id', () => {
      expect(entity.spec.steps.map(s => [s.id, s.action, s.if])).toEqual([
        ['record', 'pragmatic-gitops:hotfix:record', undefined],
        [
          'backport',
          'pragmatic-gitops:hotfix:backport',
          '${{ parameters.openBackportPr }}',
        ],
      ]);
      expect(stepOf(entity, 'pragmatic-gitops:hotfix:record')[0].input).toEqual(
        {
          entityRef: '${{ parameters.entity }}',
          title: '${{ parameters.title }}',
          description: '${{ parameters.description }}',
          incidentUrl: '${{ parameters.incidentUrl }}',
          changes: '${{ parameters.changes }}',
        },
      );
      expect(
        stepOf(entity, 'pragmatic-gitops:hotfix:backport')[0].input,
      ).toEqual({ hotfixId: "${{ steps['record'].output.id }}" });
    });

    it('writes no pull request body by hand', () => {
      expect(stepOf(entity, 'publish:github:pull-request')).toEqual([]);
      expect(stepOf(entity, 'fetch:template')).toEqual([]);
    });

    it('links to the GitOps tab and the pull request, and shows the patch and the refusals', () => {
      expect(entity.spec.output?.links).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            url: "${{ steps['record'].output.link }}",
          }),
          expect.objectContaining({
            url: "${{ steps['backport'].output.pullRequestUrl }}",
          }),
        ]),
      );
      const text = JSON.stringify(entity.spec.output?.text);
      expect(text).toContain("steps['backport'].output.diff");
      expect(text).toContain("steps['backport'].output.refused");
    });
  });
});
