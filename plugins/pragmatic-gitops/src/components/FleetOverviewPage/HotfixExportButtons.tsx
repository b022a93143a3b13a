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

/**
 * "Export CSV" and "Export JSON": every hotfix in the range with every
 * event, for auditors (`GET /hotfixes/export`). Downloaded with the user's
 * credentials, so it holds only hotfixes of entities they may read.
 */
export function HotfixExportButtons(props: { from?: string; to?: string }) {
  const api = useApi(pragmaticGitopsApiRef);
  const [busy, setBusy] = useState<HotfixExportFormat | undefined>();
  const [failed, setFailed] = useState<
    { format: HotfixExportFormat; error: Error } | undefined
  >();
  const download = async (format: HotfixExportFormat) => {
    setBusy(format);
    setFailed(undefined);
    try {
      const blob = await api.exportHotfixes({ ...props, format });
      save(blob, `hotfixes-${new Date().toISOString().slice(0, 10)}.${format}`);
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
