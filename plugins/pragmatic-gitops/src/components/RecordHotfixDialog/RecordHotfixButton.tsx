import { useState } from 'react';
import Button from '@material-ui/core/Button';
import BuildIcon from '@material-ui/icons/Build';
import { Track } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { ExplainedResourceDrift, Hotfix } from '../../api/types';
import { useDoneMessage } from '../DoneMessage';
import { RecordHotfixDialog } from './RecordHotfixDialog';

/**
 * "Record hotfix": opens a fresh record-hotfix dialog; once the backend has
 * recorded it, closes the dialog, says which id it got and lets the page
 * reload what the hotfix changes.
 */
export function RecordHotfixButton(props: {
  entityRef: string;
  resources: ExplainedResourceDrift[];
  track?: Track | null;
  onRecorded: (hotfix: Hotfix) => void;
}) {
  const [doneMessage, showDone] = useDoneMessage();
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
          track={props.track}
          onClose={() => setOpen(false)}
          onRecorded={hotfix => {
            setOpen(false);
            showDone(`Recorded ${hotfix.id}`);
            props.onRecorded(hotfix);
          }}
        />
      )}
      {doneMessage}
    </>
  );
}
