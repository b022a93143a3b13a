import {
  Hotfix,
  HotfixEvent,
  HotfixEventRecord,
  HotfixRecord,
  HotfixRecordWithEvents,
} from './types';

/** The REST API's JSON shape of a hotfix (dates as ISO strings). */
export function toApiHotfix(
  record: HotfixRecord | HotfixRecordWithEvents,
): Hotfix {
  const {
    appliedAt,
    recordedAt,
    backportDueAt,
    acknowledgedAt,
    events,
    ...rest
  } = record as Partial<HotfixRecordWithEvents> & HotfixRecord;
  return {
    ...rest,
    ...(acknowledgedAt ? { acknowledgedAt: acknowledgedAt.toISOString() } : {}),
    appliedAt: appliedAt.toISOString(),
    recordedAt: recordedAt.toISOString(),
    backportDueAt: backportDueAt.toISOString(),
    ...(events ? { events: events.map(toApiEvent) } : {}),
  };
}

export function toApiEvent(event: HotfixEventRecord): HotfixEvent {
  return { ...event, at: event.at.toISOString() };
}
