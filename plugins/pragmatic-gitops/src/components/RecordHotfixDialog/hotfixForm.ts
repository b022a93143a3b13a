import { RecordHotfixInput } from '../../api/types';
import { isHttpUrl } from '../../utils/urls';
import { ChangeItem, toHotfixChanges } from './changeItems';

/** The fields of the record-hotfix form, as typed. */
export type HotfixForm = {
  title: string;
  incidentUrl: string;
  description: string;
  /** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input holds it. */
  appliedAt: string;
};

/** What is wrong with each field; empty when the form can be sent. */
export type HotfixFormErrors = Partial<
  Record<keyof HotfixForm | 'changes', string>
>;

/** Clocks differ a little; a time this far ahead is still "now". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A date as the value of a datetime-local input, in local time. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO 8601 time of a datetime-local value, or nothing if invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) {
    return undefined;
  }
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** An empty form, applied now. */
export function emptyHotfixForm(now: Date = new Date()): HotfixForm {
  return {
    title: '',
    incidentUrl: '',
    description: '',
    appliedAt: toLocalInput(now),
  };
}

/** Checks the form the way the backend will, so most mistakes show at once. */
export function validateHotfixForm(
  form: HotfixForm,
  items: ChangeItem[],
  now: number = Date.now(),
): HotfixFormErrors {
  const errors: HotfixFormErrors = {};
  if (!form.title.trim()) {
    errors.title = 'Say in a few words what was done.';
  }
  const incidentUrl = form.incidentUrl.trim();
  if (incidentUrl && !isHttpUrl(incidentUrl)) {
    errors.incidentUrl =
      'Give the http(s) link of the incident, or leave it empty.';
  }
  const appliedAt = fromLocalInput(form.appliedAt);
  if (!appliedAt) {
    errors.appliedAt = 'Give the date and time the change was applied.';
  } else if (Date.parse(appliedAt) > now + CLOCK_SKEW_MS) {
    errors.appliedAt = 'The change cannot have been applied in the future.';
  }
  if (toHotfixChanges(items).length === 0) {
    errors.changes = 'Check at least one changed resource, or add one by hand.';
  }
  return errors;
}

/**
 * The body of `POST /hotfixes`. Only what the form holds: who applied the
 * hotfix is never sent, the backend takes it from the credentials.
 */
export function toRecordHotfixInput(
  entityRef: string,
  form: HotfixForm,
  items: ChangeItem[],
): RecordHotfixInput {
  const description = form.description.trim();
  const incidentUrl = form.incidentUrl.trim();
  const appliedAt = fromLocalInput(form.appliedAt);
  return {
    entityRef,
    title: form.title.trim(),
    ...(description ? { description } : {}),
    ...(incidentUrl ? { incidentUrl } : {}),
    ...(appliedAt ? { appliedAt } : {}),
    changes: toHotfixChanges(items),
  };
}
