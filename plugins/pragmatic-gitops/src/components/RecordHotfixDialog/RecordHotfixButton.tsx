import { useState } from 'react';
import Button from '@material-ui/core/Button';
import BuildIcon from '@material-ui/icons/Build';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ExplainedResourceDrift, Hotfix } from '../../api/types';
import { RecordHotfixDialog } from './RecordHotfixDialog';

/**
 * "Record hotfix": opens a fresh record-hotfix dialog; once the backend has
 * recorded it, closes the dialog, says which id it got and lets the page
 * reload what the hotfix changes.
 */
export function RecordHotfixButton(props: {
  entityRef: string;
  resources: ExplainedResourceDrift[];
  onRecorded: (hotfix: Hotfix) => void;
}) {
  const alertApi = useApi(alertApiRef);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="contained"
        color="primary"
        startIcon={<BuildIcon />}
        onClick={() => setOpen(true)}
      >
        Record hotfix
      </Button>
      {open && (
        <RecordHotfixDialog
          entityRef={props.entityRef}
          resources={props.resources}
          onClose={() => setOpen(false)}
          onRecorded={hotfix => {
            setOpen(false);
            alertApi.post({
              message: `Recorded ${hotfix.id}`,
              severity: 'success',
              display: 'transient',
            });
            props.onRecorded(hotfix);
          }}
        />
      )}
    </>
  );
}
