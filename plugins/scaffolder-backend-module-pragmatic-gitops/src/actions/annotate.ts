import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import { annotationsFromInput } from '../annotations/annotationsFromInput';
import { annotateCatalogInfo } from '../catalogInfo/annotateCatalogInfo';
import { resolveWorkspaceFile } from '../workspace/resolveWorkspaceFile';
import { examples } from './annotate.examples';

/** The file annotated when the template does not name one. */
const DEFAULT_FILE_PATH = 'catalog-info.yaml';

/**
 * Creates the `pragmatic-gitops:annotate` action, which writes the Pragmatic
 * GitOps annotations (track, source location, ignore rules, secret
 * references) into a catalog-info.yaml in the task workspace.
 *
 * @remarks
 *
 * Every input is checked with the same parsers the catalog processor uses, so
 * a template cannot produce an entity that would fail catalog processing. The
 * file is only written when every input and the file itself are valid.
 *
 * @public
 */
export function createPragmaticGitopsAnnotateAction() {
  return createTemplateAction({
    id: 'pragmatic-gitops:annotate',
    description:
      'Writes the Pragmatic GitOps annotations (track, source location, ignore rules, secret references) into every Component, Resource and System entity of a catalog-info.yaml in the workspace',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        track: z =>
          z
            .string()
            .describe(
              'Deployment track: declarative, operator or imperative (or A, B, C). Written in its full form.',
            ),
        sourceLocation: z =>
          z
            .string()
            .describe(
              'Where the desired manifests live: url:<https URL> or dir:<path relative to the catalog file>',
            ),
        ignoreDifferences: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'JSON pointers whose differences are emergent state, optionally scoped as Kind:/path or Kind/name:/path',
            ),
        secretRefs: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Secret references of non-Kubernetes services: <store>[/<instance>]:<key>[#<property>]',
            ),
        filePath: z =>
          z
            .string()
            .optional()
            .describe(
              `Path of the catalog file, relative to the workspace. Defaults to ${DEFAULT_FILE_PATH}.`,
            ),
      },
      output: {
        entityRefs: z =>
          z
            .array(z.string())
            .describe('References of the entities that were annotated'),
      },
    },
    async handler(ctx) {
      const annotations = annotationsFromInput(ctx.input);
      const filePath = ctx.input.filePath ?? DEFAULT_FILE_PATH;
      const file = await resolveWorkspaceFile(
        ctx.workspacePath,
        filePath,
        'filePath',
      );

      const original = await fs.readFile(file, 'utf8');
      const { content, entityRefs } = annotateCatalogInfo(
        original,
        annotations,
        `filePath ${JSON.stringify(filePath)}`,
      );
      if (content !== original) {
        await fs.writeFile(file, content, 'utf8');
      }

      ctx.logger.info(
        `Annotated ${entityRefs.join(', ')} in ${filePath} with ${Object.keys(
          annotations,
        ).join(', ')}`,
      );
      ctx.output('entityRefs', entityRefs);
    },
  });
}
