import { ReactNode, useCallback, useState } from 'react';
import Snackbar from '@material-ui/core/Snackbar';
import Alert from '@material-ui/lab/Alert';

/** How long a success message stays. */
const SHOW_MS = 6000;

/**
 * A short success message ("Recorded HF-7") shown by the component that
 * did the work, in place of the deprecated app-wide AlertApi: a snackbar
 * announced to screen readers, gone after a few seconds.
 */
export function useDoneMessage(): [ReactNode, (message: string) => void] {
  const [message, setMessage] = useState<string>();
  const show = useCallback((text: string) => setMessage(text), []);
  const node = (
    <Snackbar
      open={message !== undefined}
      autoHideDuration={SHOW_MS}
      onClose={() => setMessage(undefined)}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity="success"
        role="status"
        onClose={() => setMessage(undefined)}
        data-testid="pragmatic-gitops-done-message"
      >
        {message}
      </Alert>
    </Snackbar>
  );
  return [node, show];
}
