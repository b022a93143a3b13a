import { stringify } from 'csv-stringify';
import { Response } from 'express';
import { once } from 'node:events';
import { formatHotfixId } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { ExportedHotfix } from '../ledger/HotfixExportStore';
import { toApiEvent } from '../ledger/toApiHotfix';
import { publicEvent } from './hotfixResponse';

/** Columns of the CSV export: one row per event, its hotfix's columns repeated. */
export const EXPORT_CSV_COLUMNS = [
  'hotfixId',
  'entityRef',
  'title',
  'incidentUrl',
  'appliedBy',
  'appliedAt',
  'recordedAt',
  'status',
  'changes',
  'eventType',
  'eventStatus',
  'eventActor',
  'eventAt',
  'eventDetail',
] as const;

/** A hotfix as the export shows it: stored facts and every event, no digests. */
export function exportedHotfixJson(hotfix: ExportedHotfix) {
  return {
    id: formatHotfixId(hotfix.seq),
    entityRef: hotfix.entityRef,
    title: hotfix.title,
    ...(hotfix.description !== undefined
      ? { description: hotfix.description }
      : {}),
    ...(hotfix.incidentUrl !== undefined
      ? { incidentUrl: hotfix.incidentUrl }
      : {}),
    appliedBy: hotfix.appliedBy,
    appliedAt: hotfix.appliedAt.toISOString(),
    recordedAt: hotfix.recordedAt.toISOString(),
    changes: hotfix.changes,
    status: hotfix.status,
    events: hotfix.events.map(event => publicEvent(toApiEvent(event))),
  };
}

/** `Deployment shop/web /spec/replicas; ConfigMap shop/flags` */
function changesText(hotfix: ExportedHotfix): string {
  return hotfix.changes
    .map(change =>
      [
        change.kind,
        change.namespace ? `${change.namespace}/${change.name}` : change.name,
        ...(change.paths ?? []),
      ].join(' '),
    )
    .join('; ');
}

function csvRows(hotfix: ExportedHotfix): string[][] {
  const json = exportedHotfixJson(hotfix);
  const head = [
    json.id,
    json.entityRef,
    json.title,
    json.incidentUrl ?? '',
    json.appliedBy,
    json.appliedAt,
    json.recordedAt,
    json.status,
    changesText(hotfix),
  ];
  return json.events.map(event => [
    ...head,
    event.type,
    event.status ?? '',
    event.actor ?? '',
    event.at,
    event.detail ? JSON.stringify(event.detail) : '',
  ]);
}

/** Writes, waiting for the socket to drain whenever its buffer is full. */
async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}

/**
 * Streams the pages to the response as CSV (quoted by csv-stringify) or as
 * one JSON document, holding one page at a time.
 */
export async function streamHotfixExport(
  res: Response,
  pages: AsyncIterable<ExportedHotfix[]>,
  format: 'csv' | 'json',
  filename: string,
): Promise<void> {
  res.status(200);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${filename}.${format}"`,
  );
  if (format === 'json') {
    res.type('application/json');
    let first = true;
    await write(res, '{"items":[');
    for await (const page of pages) {
      for (const hotfix of page) {
        await write(
          res,
          `${first ? '' : ','}${JSON.stringify(exportedHotfixJson(hotfix))}`,
        );
        first = false;
      }
    }
    res.end(']}');
    return;
  }
  res.type('text/csv; charset=utf-8');
  const csv = stringify({ header: true, columns: [...EXPORT_CSV_COLUMNS] });
  csv.pipe(res);
  for await (const page of pages) {
    for (const hotfix of page) {
      for (const row of csvRows(hotfix)) {
        if (!csv.write(row)) await once(csv, 'drain');
      }
    }
  }
  csv.end();
  await once(res, 'finish');
}
