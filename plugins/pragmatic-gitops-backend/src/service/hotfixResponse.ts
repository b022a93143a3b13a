import {
  Hotfix,
  HotfixEvent,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { toApiHotfix } from '../ledger/toApiHotfix';
import { HotfixRecord, HotfixRecordWithEvents } from '../ledger/types';

/** Event detail the ledger keeps for itself: digests standing in for values that may be secret. */
const LEDGER_ONLY_DETAIL = new Set(['liveDigests', 'desiredDigests']);

/** A hotfix as the HTTP API answers it: no digest ever leaves the backend. */
export function hotfixResponse(
  record: HotfixRecord | HotfixRecordWithEvents,
): Hotfix {
  return withoutLedgerDetail(toApiHotfix(record));
}

/** The hotfix with the ledger's own event detail (digests) left out. */
export function withoutLedgerDetail(hotfix: Hotfix): Hotfix {
  if (!hotfix.events) {
    return hotfix;
  }
  return { ...hotfix, events: hotfix.events.map(publicEvent) };
}

/** An event with the ledger's own detail (digests) left out. */
export function publicEvent(event: HotfixEvent): HotfixEvent {
  const { detail, ...rest } = event;
  const kept = Object.entries(detail ?? {}).filter(
    ([key]) => !LEDGER_ONLY_DETAIL.has(key),
  );
  return kept.length > 0 ? { ...rest, detail: Object.fromEntries(kept) } : rest;
}
