import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityFilter } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_TRACK,
  DriftStatus,
  parseTrack,
  Track,
  TRACK_DESCRIPTIONS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** The track an entity's annotation names, or undefined. */
function trackOf(entity: Entity): Track | undefined {
  const value = entity.metadata.annotations?.[ANNOTATION_TRACK];
  try {
    return value === undefined ? undefined : parseTrack(value);
  } catch {
    return undefined;
  }
}

/**
 * Catalog filter on the GitOps track and drift status. The track is an
 * annotation, so the catalog filters on it; the drift status is known to the
 * GitOps backend only, so entities are kept by the refs it gave for that
 * status (`inStatus`).
 *
 * @public
 */
export class EntityGitopsFilter implements EntityFilter {
  private readonly refs?: Set<string>;

  constructor(
    readonly track?: Track,
    readonly status?: DriftStatus,
    /** Refs of the entities in `status`; unused for `not-tracked`. */
    inStatus?: Iterable<string>,
  ) {
    this.refs = inStatus
      ? new Set([...inStatus].map(ref => ref.toLocaleLowerCase('en-US')))
      : undefined;
  }

  getCatalogFilters(): Record<string, string[]> {
    if (!this.track) {
      return {};
    }
    // The annotation may name a track by its letter, too (matched without case).
    return {
      [`metadata.annotations.${ANNOTATION_TRACK}`]: [
        this.track,
        TRACK_DESCRIPTIONS[this.track].letter,
      ],
    };
  }

  filterEntity(entity: Entity): boolean {
    if (this.track && trackOf(entity) !== this.track) {
      return false;
    }
    if (this.status === 'not-tracked') {
      return entity.metadata.annotations?.[ANNOTATION_TRACK] === undefined;
    }
    if (this.status) {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      return this.refs?.has(ref) ?? false;
    }
    return true;
  }

  /** `track:declarative`, `status:drifted`: kept in the page's URL. */
  toQueryValue(): string[] {
    return [
      ...(this.track ? [`track:${this.track}`] : []),
      ...(this.status ? [`status:${this.status}`] : []),
    ];
  }
}
