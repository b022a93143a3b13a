import { ANNOTATION_SOURCE_LOCATION } from './annotations';
import { AnnotationError } from './AnnotationError';

/**
 * Where an entity's desired manifests live. `url` targets are read through
 * Backstage's UrlReader; `dir` targets are relative to the catalog file that
 * defines the entity.
 *
 * @public
 */
export type SourceLocation = { type: 'url' | 'dir'; target: string };

/** @public */
export function parseSourceLocation(value: string): SourceLocation {
  const trimmed = value.trim();
  const match = /^(url|dir):(.+)$/.exec(trimmed);
  if (!match) {
    throw new AnnotationError(
      ANNOTATION_SOURCE_LOCATION,
      value,
      'is not a location reference; expected url:<https URL> or dir:<relative path>',
    );
  }
  const [, type, target] = match as unknown as [string, 'url' | 'dir', string];
  if (type === 'url') {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new AnnotationError(
        ANNOTATION_SOURCE_LOCATION,
        value,
        'has a url: target that is not an absolute URL',
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new AnnotationError(
        ANNOTATION_SOURCE_LOCATION,
        value,
        'has a url: target that is not http(s)',
      );
    }
  }
  return { type, target };
}
