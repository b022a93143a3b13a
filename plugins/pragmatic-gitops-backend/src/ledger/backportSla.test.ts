import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { backportDueAt, overdueCutoff, readBackportSla } from './backportSla';

const config = (backportSla: JsonValue) =>
  new ConfigReader({ pragmaticGitops: { hotfixes: { backportSla } } });

describe('readBackportSla', () => {
  it('defaults to three days', () => {
    expect(readBackportSla(new ConfigReader({})).toObject()).toEqual({
      days: 3,
    });
  });

  it.each([
    ['P1D', 24],
    ['PT36H', 36],
    ['2 days', 48],
    [{ hours: 12 }, 12],
    [{ days: 1, hours: 6 }, 30],
  ])('reads %j', (value, hours) => {
    expect(readBackportSla(config(value)).as('hours')).toBe(hours);
  });

  it.each([['3'], ['soon'], [{ dayz: 3 }], [{ days: 0 }], [{}], [3]])(
    'rejects %j naming the key',
    value => {
      expect(() => readBackportSla(config(value))).toThrow(
        'pragmaticGitops.hotfixes.backportSla',
      );
    },
  );
});

describe('backport deadlines', () => {
  const sla = readBackportSla(config('P3D'));
  const appliedAt = new Date('2026-11-20T10:00:00Z');

  it('is due SLA after it was applied', () => {
    expect(backportDueAt(appliedAt, sla).toISOString()).toBe(
      '2026-11-23T10:00:00.000Z',
    );
  });

  it('is overdue from the due instant on', () => {
    expect(overdueCutoff(new Date('2026-11-23T10:00:00Z'), sla)).toEqual(
      appliedAt,
    );
  });
});
