/**
 * Relative times and durations for people ("3 days ago", "3 days"), made
 * with the browser's `Intl` formatters so no date library is needed.
 */

const LOCALE = 'en';

const UNITS: Array<{ unit: Intl.RelativeTimeFormatUnit; ms: number }> = [
  { unit: 'year', ms: 365 * 24 * 60 * 60 * 1000 },
  { unit: 'month', ms: 30 * 24 * 60 * 60 * 1000 },
  { unit: 'week', ms: 7 * 24 * 60 * 60 * 1000 },
  { unit: 'day', ms: 24 * 60 * 60 * 1000 },
  { unit: 'hour', ms: 60 * 60 * 1000 },
  { unit: 'minute', ms: 60 * 1000 },
  { unit: 'second', ms: 1000 },
];

const relativeFormat = new Intl.RelativeTimeFormat(LOCALE, {
  numeric: 'auto',
});

function parse(iso: string): number | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/** The largest unit that fits in `ms` whole times, and how many times. */
function largestUnit(ms: number): {
  unit: Intl.RelativeTimeFormatUnit;
  value: number;
} {
  const abs = Math.abs(ms);
  const match = UNITS.find(({ ms: unitMs }) => abs >= unitMs);
  if (!match) {
    return { unit: 'second', value: 0 };
  }
  return {
    unit: match.unit,
    value: Math.sign(ms) * Math.floor(abs / match.ms),
  };
}

/**
 * "3 days ago", "in 2 hours", "now". Invalid dates are returned as given.
 */
export function formatRelativeTime(iso: string, now = Date.now()): string {
  const time = parse(iso);
  if (time === undefined) {
    return iso;
  }
  const { unit, value } = largestUnit(time - now);
  return relativeFormat.format(value, unit);
}

/**
 * How long ago `iso` was, as a duration: "3 days", "1 hour", "less than a
 * minute". Invalid dates are returned as given.
 */
export function formatDurationSince(iso: string, now = Date.now()): string {
  const time = parse(iso);
  if (time === undefined) {
    return iso;
  }
  const { unit, value } = largestUnit(Math.max(0, now - time));
  if (value === 0 || unit === 'second') {
    return 'less than a minute';
  }
  return new Intl.NumberFormat(LOCALE, {
    style: 'unit',
    unit,
    unitDisplay: 'long',
  }).format(value);
}

/** Absolute local date and time, for tooltips. */
export function formatDateTime(iso: string): string {
  const time = parse(iso);
  return time === undefined
    ? iso
    : new Date(time).toLocaleString(LOCALE, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

/** Absolute local date, for "since tracking began Nov 28, 2026". */
export function formatDate(iso: string): string {
  const time = parse(iso);
  return time === undefined
    ? iso
    : new Date(time).toLocaleDateString(LOCALE, { dateStyle: 'medium' });
}

/**
 * True when a status has held since the product began tracking the entity:
 * it may be older than that, so its duration is unknown.
 */
export function heldSinceTrackingBegan(
  since: string,
  trackedSince?: string,
): boolean {
  const sinceTime = parse(since);
  const trackedTime = trackedSince ? parse(trackedSince) : undefined;
  return (
    sinceTime !== undefined &&
    trackedTime !== undefined &&
    sinceTime <= trackedTime
  );
}
