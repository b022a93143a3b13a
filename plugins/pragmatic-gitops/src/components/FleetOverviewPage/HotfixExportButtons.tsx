import { useState } from 'react';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { HotfixExportFormat } from '../../api/types';
import { RetryableError } from '../RetryableError';

/** Saves a downloaded file under `filename` through a temporary link. */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** An owner ref as part of a file name: `group:default/team-a` → `group-default-team-a`. */
function fileSafe(ref: string): string {
  return ref.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/**
 * "Export CSV" and "Export JSON": every hotfix in the range with every
 * event, for auditors (`GET /hotfixes/export`), of the owner the fleet page
 * is filtered on. Downloaded with the user's credentials, so it holds only
 * hotfixes of entities they may read.
 */
export function HotfixExportButtons(props: {
  from?: string;
  to?: string;
  owner?: string;
}) {
  const api = useApi(pragmaticGitopsApiRef);
  const [busy, setBusy] = useState<HotfixExportFormat | undefined>();
  const [failed, setFailed] = useState<
    { format: HotfixExportFormat; error: Error } | undefined
  >();
  const download = async (format: HotfixExportFormat) => {
    setBusy(format);
    setFailed(undefined);
    try {
      const { from, to, owner } = props;
      const blob = await api.exportHotfixes({
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(owner ? { owner } : {}),
        format,
      });
      const day = new Date().toISOString().slice(0, 10);
      save(
        blob,
        `hotfixes-${owner ? `${fileSafe(owner)}-` : ''}${day}.${format}`,
      );
    } catch (e) {
      setFailed({ format, error: e as Error });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <>
      <ButtonGroup
        size="small"
        variant="outlined"
        color="primary"
        aria-label="Export hotfixes with their events"
      >
        {(['csv', 'json'] as const).map(format => (
          <Button
            key={format}
            disabled={busy !== undefined}
            onClick={() => download(format)}
            data-testid={`pragmatic-gitops-export-${format}`}
          >
            {busy === format ? 'Exporting…' : `Export ${format.toUpperCase()}`}
          </Button>
        ))}
      </ButtonGroup>
      {failed && (
        <RetryableError
          error={failed.error}
          onRetry={() => download(failed.format)}
        />
      )}
    </>
  );
}
