import {
  TRACKS,
  TRACK_DESCRIPTIONS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** "declarative (A), operator (B), imperative (C)": the values people may write. */
export const TRACK_CHOICES = TRACKS.map(
  track => `${track} (${TRACK_DESCRIPTIONS[track].letter})`,
).join(', ');
