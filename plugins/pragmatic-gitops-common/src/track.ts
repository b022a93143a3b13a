import { ANNOTATION_TRACK } from './annotations';
import { AnnotationError } from './AnnotationError';

/** The three deployment tracks of pragmatic GitOps. @public */
export type Track = 'declarative' | 'operator' | 'imperative';

/** All tracks, in the order the essay introduces them (A, B, C). @public */
export const TRACKS: readonly Track[] = [
  'declarative',
  'operator',
  'imperative',
];

const ALIASES: Record<string, Track> = {
  a: 'declarative',
  b: 'operator',
  c: 'imperative',
  declarative: 'declarative',
  operator: 'operator',
  imperative: 'imperative',
};

/** Human-facing letter and explanation of each track. @public */
export const TRACK_DESCRIPTIONS: Record<
  Track,
  { letter: 'A' | 'B' | 'C'; title: string; description: string }
> = {
  declarative: {
    letter: 'A',
    title: 'Declarative',
    description:
      'Git is the source of truth for every declared field; a controller (Argo CD, Flux) enforces it. Any difference between Git and the live system is drift.',
  },
  operator: {
    letter: 'B',
    title: 'Operator-managed',
    description:
      'Git declares the custom resource and its top-level spec; an operator owns the rest. Status, children the operator creates and fields it manages are emergent state, never drift.',
  },
  imperative: {
    letter: 'C',
    title: 'Imperative',
    description:
      'Changes are applied by pipelines (Terraform plan/apply, schema migrations, scripts), not continuously synced. Pending changes are shown instead of drift.',
  },
};

/**
 * Parses the track annotation: `declarative|operator|imperative` or `A|B|C`,
 * case-insensitive, surrounding whitespace ignored.
 *
 * @public
 */
export function parseTrack(value: string): Track {
  const key = value.trim().toLowerCase();
  // Own keys only: `constructor` is no track.
  const track = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
  if (!track) {
    throw new AnnotationError(
      ANNOTATION_TRACK,
      value,
      'is not a track; expected one of declarative, operator, imperative (or A, B, C)',
    );
  }
  return track;
}
