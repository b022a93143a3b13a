import { useState } from 'react';
import Button from '@material-ui/core/Button';
import { usePermission } from '@backstage/plugin-permission-react';
import { pragmaticGitopsHotfixUpdatePermission } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { Hotfix } from '../../api/types';
import { BackportDialog } from './BackportDialog';
import { useBackport } from './useBackport';

/**
 * "Open back-port PR" of a pending hotfix, offered only to users who may
 * update the entity's hotfixes: generates the back-port and shows it in a
 * dialog (a pull request, or a patch for local sources).
 */
export function BackportButton(props: { hotfix: Hotfix }) {
  const { id, entityRef } = props.hotfix;
  const { allowed } = usePermission({
    permission: pragmaticGitopsHotfixUpdatePermission,
    resourceRef: entityRef,
  });
  const { state, generate } = useBackport(id);
  const [open, setOpen] = useState(false);
  if (!allowed) {
    return null;
  }
  return (
    <>
      <Button
        size="small"
        color="primary"
        variant="contained"
        onClick={() => {
          setOpen(true);
          generate();
        }}
      >
        Open back-port PR
      </Button>
      {open && (
        <BackportDialog
          hotfixId={id}
          state={state}
          onRetry={generate}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
