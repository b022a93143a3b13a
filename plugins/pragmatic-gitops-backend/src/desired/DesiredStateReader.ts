import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  Entity,
  ANNOTATION_LOCATION,
  parseLocationRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_SOURCE_LOCATION,
  parseSourceLocation,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DesiredStateUnavailableError } from './DesiredStateUnavailableError';
import {
  LocalManifestFiles,
  MAX_FILES,
  isReadable,
} from './LocalManifestFiles';
import { LocalSourceRoots, resolveDirUrl } from './localSources';
import { ParsedManifestsCache } from './ParsedManifestsCache';
import {
  SourceFile,
  ParsedManifests,
  isManifestFile,
  migrationNames,
} from './parseManifests';

export type DesiredState = ParsedManifests & {
  /** Where it was read from, for display. */
  source: string;
  /** The source's revision when the reader knows it (the tree's etag, a commit for Git hosts). */
  revision?: string;
  migrations: string[];
};

/** The files of a source as read, before parsing. */
export type SourceFiles = {
  location: { type: string; target: string };
  source: string;
  files: SourceFile[];
  /** Manifest and migration paths. */
  paths: string[];
  revision?: string;
};

export { DesiredStateUnavailableError };

/**
 * Reads an entity's desired manifests from `pragmatic-gitops.io/source-location`:
 * `url:` through Backstage's UrlReader (every configured SCM integration),
 * `dir:` relative to the catalog file that defines the entity, confined to
 * its repository (see `localSources.ts`).
 */
export class DesiredStateReader {
  private readonly localRoots: LocalSourceRoots;
  private readonly parsed = new ParsedManifestsCache();
  private readonly localFiles = new LocalManifestFiles();

  constructor(
    private readonly urlReader: UrlReaderService,
    options: { localSourceRoots?: string[] } = {},
  ) {
    this.localRoots = new LocalSourceRoots(options.localSourceRoots);
  }

  async read(entity: Entity): Promise<DesiredState | undefined> {
    const read = await this.readFiles(entity);
    if (!read) {
      return undefined;
    }
    const { source, files, paths, revision } = read;
    const parsed = this.parsed.parse(files);
    return {
      ...parsed,
      source,
      ...(revision ? { revision } : {}),
      migrations: migrationNames(paths),
    };
  }

  /**
   * The manifest files of the source as text, paths relative to its root
   * (what a back-port patches), with how the annotation names the source.
   */
  async readFiles(entity: Entity): Promise<SourceFiles | undefined> {
    const annotation =
      entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
    if (!annotation) {
      return undefined;
    }
    const location = parseSourceLocation(annotation);
    const read =
      location.type === 'url'
        ? await this.readUrl(location.target)
        : await this.readDir(entity, location.target);
    return { ...read, location };
  }

  private async readUrl(url: string): Promise<{
    source: string;
    files: SourceFile[];
    paths: string[];
    revision?: string;
  }> {
    try {
      const tree = await this.urlReader.readTree(url);
      const treeFiles = await tree.files();
      const wanted = treeFiles.filter(file => isReadable(file.path));
      if (wanted.length > MAX_FILES) {
        throw new DesiredStateUnavailableError(
          `${url} holds ${wanted.length} manifest files, more than the ${MAX_FILES} allowed`,
        );
      }
      const files: SourceFile[] = [];
      for (const file of wanted.filter(f => isManifestFile(f.path))) {
        files.push({
          path: file.path,
          content: (await file.content()).toString('utf8'),
        });
      }
      return {
        source: url,
        files,
        paths: wanted.map(f => f.path),
        revision: tree.etag,
      };
    } catch (error) {
      if (error instanceof DesiredStateUnavailableError) throw error;
      throw new DesiredStateUnavailableError(
        `Could not read ${url}: ${(error as Error).message}`,
      );
    }
  }

  private async readDir(entity: Entity, target: string) {
    const locationRef = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    if (!locationRef) {
      throw new DesiredStateUnavailableError(
        `dir:${target} needs the entity's ${ANNOTATION_LOCATION} annotation to resolve against`,
      );
    }
    const location = parseLocationRef(locationRef);
    if (location.type === 'url') {
      // A catalog file read from an SCM: the directory lives in the same repository.
      return this.readUrl(resolveDirUrl(location.target, target));
    }
    if (location.type !== 'file') {
      throw new DesiredStateUnavailableError(
        `dir:${target} cannot be resolved against a ${location.type} location`,
      );
    }
    const root = await this.localRoots.resolveDir(location.target, target);
    const { files, paths } = await this.localFiles.read(root, `dir:${target}`);
    return { source: `dir:${target}`, files, paths };
  }
}
