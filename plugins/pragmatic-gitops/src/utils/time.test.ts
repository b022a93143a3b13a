import {
  formatDateTime,
  formatDurationSince,
  formatRelativeTime,
} from './time';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function before(ms: number): string {
  return new Date(NOW - ms).toISOString();
}

describe('formatRelativeTime', () => {
  it.each([
    [3 * DAY + 5 * HOUR, '3 days ago'],
    [DAY, 'yesterday'],
    [2 * HOUR, '2 hours ago'],
    [90 * 1000, '1 minute ago'],
    [10 * 1000, '10 seconds ago'],
    [0, 'now'],
    [15 * DAY, '2 weeks ago'],
    [400 * DAY, 'last year'],
  ])('formats %p ms ago as %p', (ms, text) => {
    expect(formatRelativeTime(before(ms), NOW)).toBe(text);
  });

  it('formats future times', () => {
    expect(formatRelativeTime(before(-2 * HOUR), NOW)).toBe('in 2 hours');
  });

  it('returns an invalid date as given', () => {
    expect(formatRelativeTime('not a date', NOW)).toBe('not a date');
  });
});

describe('formatDurationSince', () => {
  it.each([
    [3 * DAY + 5 * HOUR, '3 days'],
    [DAY, '1 day'],
    [5 * HOUR + 59 * 60 * 1000, '5 hours'],
    [30 * 1000, 'less than a minute'],
    [-HOUR, 'less than a minute'],
    [60 * DAY, '2 months'],
  ])('formats %p ms as %p', (ms, text) => {
    expect(formatDurationSince(before(ms), NOW)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('formats a valid date and keeps an invalid one', () => {
    expect(formatDateTime('2026-03-10T12:00:00.000Z')).toMatch(/2026/);
    expect(formatDateTime('soon')).toBe('soon');
  });
});
