import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsHotfixUpdatePermission } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { Hotfix } from '../../api/types';
import { isHttpUrl } from '../../utils/urls';
import { BackportButton } from '../BackportDialog';
import { HotfixAction, HotfixActionDialog } from './HotfixActionDialog';
import { backportTrailer } from './hotfixLinks';

type ActionName = 'backport' | 'abandon';

/**
 * "Open back-port PR" (for those who may), "Mark back-ported" and "Abandon"
 * of a pending hotfix. Each asks for what
 * it needs in a dialog; on success the list is told of the new hotfix.
 */
export function HotfixActions(props: {
  hotfix: Hotfix;
  /** `done` says what happened, for a success message. */
  onChanged: (hotfix: Hotfix, done: string) => void;
}) {
  const api = useApi(pragmaticGitopsApiRef);
  const [open, setOpen] = useState<ActionName>();
  const { id } = props.hotfix;
  const permission = pragmaticGitopsHotfixUpdatePermission.name;

  const actions: Record<ActionName, HotfixAction & { done: string }> = {
    backport: {
      title: `Mark ${id} back-ported`,
      description: (
        <>
          Give the commit or pull request that brought the change to Git.
          Commits with a <code>{backportTrailer(id)}</code> trailer are found
          without this.
        </>
      ),
      fieldLabel: 'Commit or pull request URL',
      placeholder: 'https://github.com/org/deploy/pull/123',
      maxLength: 2048,
      submitLabel: 'Mark back-ported',
      validate: value =>
        isHttpUrl(value)
          ? undefined
          : 'Enter the http(s) URL of the commit or pull request.',
      submit: url => api.backportHotfix(id, url),
      errorContext: { action: `mark ${id} back-ported`, permission },
      done: `${id} marked back-ported`,
    },
    abandon: {
      title: `Abandon ${id}`,
      description:
        'The hotfix will not be back-ported. Say why: the reason stays in its history.',
      fieldLabel: 'Reason',
      multiline: true,
      maxLength: 1000,
      submitLabel: 'Abandon',
      validate: value => (value ? undefined : 'Give a reason.'),
      submit: reason => api.abandonHotfix(id, reason),
      errorContext: { action: `abandon ${id}`, permission },
      done: `${id} abandoned`,
    },
  };

  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      <BackportButton hotfix={props.hotfix} />
      <Button
        size="small"
        color="primary"
        variant="outlined"
        onClick={() => setOpen('backport')}
      >
        Mark back-ported
      </Button>
      <Button size="small" onClick={() => setOpen('abandon')}>
        Abandon
      </Button>
      {open && (
        <HotfixActionDialog
          action={actions[open]}
          onClose={() => setOpen(undefined)}
          onDone={hotfix => {
            setOpen(undefined);
            props.onChanged(hotfix, actions[open].done);
          }}
        />
      )}
    </Box>
  );
}
