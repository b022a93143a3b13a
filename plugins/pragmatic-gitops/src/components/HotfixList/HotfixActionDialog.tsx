import { FormEvent, ReactNode, useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Hotfix } from '../../api/types';
import { describeApiError } from '../../utils/apiErrorMessage';

/** What one hand-made change of a hotfix asks for and sends. */
export type HotfixAction = {
  title: string;
  description: ReactNode;
  fieldLabel: string;
  placeholder?: string;
  multiline?: boolean;
  /** The longest value the backend accepts. */
  maxLength: number;
  submitLabel: string;
  /** Says what is wrong with the value, or nothing when it will do. */
  validate: (value: string) => string | undefined;
  submit: (value: string) => Promise<Hotfix>;
  /** For a refusal: "mark HF-3 back-ported", and the permission it takes. */
  errorContext: { action: string; permission: string };
};

/**
 * A dialog asking for the one value an action needs (a back-port URL, a
 * reason), checking it, sending it, and showing a refusal (403), a conflict
 * (409) or a bad value (400) in place.
 */
export function HotfixActionDialog(props: {
  action: HotfixAction;
  onClose: () => void;
  onDone: (hotfix: Hotfix) => void;
}) {
  const { action } = props;
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const [error, setError] = useState<Error>();
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) {
      return;
    }
    const trimmed = value.trim();
    const problem = action.validate(trimmed);
    setInvalid(problem);
    if (problem) {
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setError(undefined);
    try {
      const hotfix = await action.submit(trimmed);
      props.onDone(hotfix);
    } catch (e) {
      setError(e as Error);
      setSubmitting(false);
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <form onSubmit={onSubmit} noValidate aria-label={action.title}>
        <DialogTitle>{action.title}</DialogTitle>
        <DialogContent>
          <DialogContentText component="div">
            {action.description}
          </DialogContentText>
          <TextField
            id="pragmatic-gitops-hotfix-action-value"
            fullWidth
            required
            variant="outlined"
            margin="normal"
            label={action.fieldLabel}
            placeholder={action.placeholder}
            multiline={action.multiline}
            minRows={action.multiline ? 3 : undefined}
            inputProps={{ maxLength: action.maxLength }}
            value={value}
            onChange={e => setValue(e.target.value)}
            error={Boolean(invalid)}
            helperText={invalid}
            disabled={submitting}
          />
          {error && (
            <Alert
              severity="error"
              data-testid="pragmatic-gitops-hotfix-action-error"
            >
              {describeApiError(error, action.errorContext)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting}
          >
            {submitting ? 'Saving…' : action.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
