import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  Document,
  isCollection,
  isMap,
  isScalar,
  parseAllDocuments,
} from 'yaml';
import { ANNOTATABLE_KINDS, isAnnotatableEntity } from './annotatableEntity';

/** The annotated file content and the entities it annotated. */
export type AnnotatedCatalogInfo = { content: string; entityRefs: string[] };

/**
 * Sets annotations on every annotatable entity of a (possibly multi-document)
 * catalog-info YAML text. Comments, key order, quoting and document markers
 * are kept; annotations already present are updated in place, so applying the
 * same annotations twice gives the same text.
 *
 * @param fileLabel - how errors name the file, e.g. `filePath "catalog-info.yaml"`
 * @throws InputError when the text is not valid YAML, holds no annotatable
 *   entity, or an entity has no name or non-map annotations
 */
export function annotateCatalogInfo(
  text: string,
  annotations: Record<string, string>,
  fileLabel: string,
): AnnotatedCatalogInfo {
  const documents = parseAllDocuments(text);
  for (const [index, document] of documents.entries()) {
    const [error] = document.errors;
    if (error) {
      throw new InputError(
        `${fileLabel} is not valid YAML (document ${index + 1}): ${
          error.message
        }`,
      );
    }
  }

  const entityRefs: string[] = [];
  for (const [index, document] of documents.entries()) {
    const entity = document.toJS();
    if (!isAnnotatableEntity(entity)) {
      continue;
    }
    const where = `${fileLabel}, document ${index + 1}`;
    const { name, namespace } = entity.metadata;
    if (typeof name !== 'string' || name.length === 0) {
      throw new InputError(
        `${where}: ${entity.kind} entity has no metadata.name`,
      );
    }
    setAnnotations(document, annotations, where);
    entityRefs.push(
      stringifyEntityRef({
        kind: entity.kind,
        namespace: typeof namespace === 'string' ? namespace : undefined,
        name,
      }),
    );
  }

  if (entityRefs.length === 0) {
    throw new InputError(
      `${fileLabel} holds no ${ANNOTATABLE_KINDS.join(
        ', ',
      )} entity with apiVersion backstage.io/* and metadata to annotate`,
    );
  }

  const content = documents
    .map(document => document.toString({ lineWidth: 0 }))
    .join('');
  return { content, entityRefs };
}

function setAnnotations(
  document: Document,
  annotations: Record<string, string>,
  where: string,
) {
  let target = document.getIn(['metadata', 'annotations'], true);
  if (target === undefined || (isScalar(target) && target.value === null)) {
    target = document.createNode({});
    document.setIn(['metadata', 'annotations'], target);
  }
  if (!isMap(target)) {
    throw new InputError(`${where}: metadata.annotations is not a map`);
  }

  // Flow collections such as `metadata: { name: x }` would wrap multi-line
  // values awkwardly; the path down to the annotations becomes block style.
  for (const node of [
    document.contents,
    document.get('metadata', true),
    target,
  ]) {
    if (isCollection(node)) {
      node.flow = false;
    }
  }

  for (const [key, value] of Object.entries(annotations)) {
    const current = target.get(key, true);
    if (!isScalar(current)) {
      target.set(key, value);
      continue;
    }
    // Updating the existing node keeps its comments and quoting.
    current.value = value;
    if (value.includes('\n') && (!current.type || current.type === 'PLAIN')) {
      current.type = 'BLOCK_LITERAL';
    }
  }
}
