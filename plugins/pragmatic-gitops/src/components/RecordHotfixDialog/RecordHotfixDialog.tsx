import { FormEvent, useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  pragmaticGitopsHotfixCreatePermission,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { ExplainedResourceDrift, Hotfix } from '../../api/types';
import { describeApiError } from '../../utils/apiErrorMessage';
import {
  addManualChange,
  checkManualChange,
  isEmptyManualChange,
  itemsFromDrift,
  ManualChange,
  removeItem,
  toggleItem,
  togglePath,
} from './changeItems';
import { ChangesChecklist } from './ChangesChecklist';
import {
  emptyHotfixForm,
  HotfixForm,
  HotfixFormErrors,
  toRecordHotfixInput,
  validateHotfixForm,
} from './hotfixForm';
import { newIdempotencyKey } from './idempotencyKey';
import {
  EMPTY_MANUAL_CHANGE,
  MANUAL_FIRST_FIELD_ID,
  ManualChangeForm,
} from './ManualChangeForm';

/** Fields in the order they are shown: focus goes to the first bad one. */
const FIELD_ORDER: Array<keyof HotfixFormErrors | 'manual'> = [
  'title',
  'incidentUrl',
  'appliedAt',
  'description',
  'manual',
  'changes',
];

function fieldId(name: keyof HotfixFormErrors | 'manual'): string {
  return name === 'manual' || name === 'changes'
    ? MANUAL_FIRST_FIELD_ID
    : `pragmatic-gitops-hotfix-${name}`;
}

/** The longest values the backend accepts. */
const MAX_LENGTHS: Record<keyof HotfixForm, number | undefined> = {
  title: 200,
  incidentUrl: 2048,
  description: 10000,
  appliedAt: undefined,
};

/** @public */
export interface RecordHotfixDialogProps {
  /** The entity the hotfix was applied to, as an entity ref string. */
  entityRef: string;
  /** The entity's resources; those not in sync prefill "what was changed". */
  resources: ExplainedResourceDrift[];
  /** The entity's track: Terraform and migration entities are asked for an address, not a namespace. */
  track?: Track | null;
  onClose: () => void;
  onRecorded: (hotfix: Hotfix) => void;
}

/**
 * Records a hotfix applied by hand: what was done, the incident, when, and
 * which resources and fields changed. Mounted once per session: one
 * `Idempotency-Key` serves every retry of the session, so a double click or
 * a retry after an error never records the hotfix twice. Who applied it is
 * not asked: the backend takes it from the signed-in user's credentials.
 */
export function RecordHotfixDialog(props: RecordHotfixDialogProps) {
  const api = useApi(pragmaticGitopsApiRef);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form, setForm] = useState<HotfixForm>(() => emptyHotfixForm());
  const [items, setItems] = useState(() => itemsFromDrift(props.resources));
  const [errors, setErrors] = useState<HotfixFormErrors>({});
  const [manual, setManual] = useState<ManualChange>(EMPTY_MANUAL_CHANGE);
  const [manualProblem, setManualProblem] = useState<string>();
  // Bumped on every failed submit, so focus moves even to the same field.
  const [failedSubmits, setFailedSubmits] = useState(0);
  const firstInvalid = useRef<string>();

  useEffect(() => {
    if (failedSubmits > 0 && firstInvalid.current) {
      document.getElementById(firstInvalid.current)?.focus();
    }
  }, [failedSubmits]);

  const addManual = () => {
    const problem = checkManualChange(manual);
    setManualProblem(problem);
    if (!problem) {
      setItems(addManualChange(items, manual));
      setManual(EMPTY_MANUAL_CHANGE);
    }
  };
  const [failure, setFailure] = useState<Error>();
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);

  const field = (name: keyof HotfixForm) => ({
    id: `pragmatic-gitops-hotfix-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) =>
      setForm({ ...form, [name]: event.target.value }),
    error: Boolean(errors[name]),
    helperText: errors[name],
    disabled: submitting,
    inputProps: { maxLength: MAX_LENGTHS[name] },
    variant: 'outlined' as const,
    fullWidth: true,
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) {
      return;
    }
    // A row filled in but not added counts, as the user expects.
    const manualError = isEmptyManualChange(manual)
      ? undefined
      : checkManualChange(manual);
    setManualProblem(manualError);
    let changes = items;
    if (!isEmptyManualChange(manual) && !manualError) {
      changes = addManualChange(items, manual);
      setItems(changes);
      setManual(EMPTY_MANUAL_CHANGE);
    }
    const problems = validateHotfixForm(form, changes);
    if (manualError) delete problems.changes;
    setErrors(problems);
    const bad = FIELD_ORDER.find(name =>
      name === 'manual' ? Boolean(manualError) : Boolean(problems[name]),
    );
    if (bad) {
      firstInvalid.current = fieldId(bad);
      setFailedSubmits(count => count + 1);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setFailure(undefined);
    try {
      const hotfix = await api.recordHotfix(
        toRecordHotfixInput(props.entityRef, form, changes),
        { idempotencyKey },
      );
      props.onRecorded(hotfix);
    } catch (error) {
      setFailure(error as Error);
      setSubmitting(false);
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <Dialog
      open
      onClose={submitting ? undefined : props.onClose}
      fullWidth
      maxWidth="md"
    >
      <form onSubmit={onSubmit} noValidate aria-label="Record hotfix">
        <DialogTitle>Record a hotfix</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Something was changed in production by hand. Record it, so the drift
            it causes is explained and the change is back-ported to Git instead
            of reverted. You are recorded as the one who applied it.
          </DialogContentText>
          <Grid container spacing={2}>
            <Grid item xs={12}>
              <TextField
                {...field('title')}
                required
                label="Title"
                placeholder="Scaled payments-api to 5 replicas during INC-42"
              />
            </Grid>
            <Grid item xs={12} sm={8}>
              <TextField
                {...field('incidentUrl')}
                label="Incident link"
                placeholder="https://incidents.example.com/INC-42"
                type="url"
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <TextField
                {...field('appliedAt')}
                required
                label="Applied at"
                type="datetime-local"
                InputLabelProps={{ shrink: true }}
              />
            </Grid>
            <Grid item xs={12}>
              <TextField
                {...field('description')}
                label="Description"
                multiline
                minRows={2}
              />
            </Grid>
          </Grid>
          <Box mt={3}>
            <Typography variant="subtitle1" component="h3">
              What was changed
            </Typography>
            <ChangesChecklist
              items={items}
              imperative={props.track === 'imperative'}
              disabled={submitting}
              onToggleItem={key => setItems(toggleItem(items, key))}
              onTogglePath={(key, path) =>
                setItems(togglePath(items, key, path))
              }
              onRemove={key => setItems(removeItem(items, key))}
            />
            {errors.changes && (
              <FormHelperText
                error
                data-testid="pragmatic-gitops-changes-error"
              >
                {errors.changes}
              </FormHelperText>
            )}
            <Box mt={2}>
              <ManualChangeForm
                track={props.track}
                value={manual}
                onChange={setManual}
                problem={manualProblem}
                disabled={submitting}
                onAdd={addManual}
              />
            </Box>
          </Box>
          {failure && (
            <Box mt={2}>
              <Alert
                severity="error"
                data-testid="pragmatic-gitops-record-hotfix-error"
              >
                {describeApiError(failure, {
                  action: 'record hotfixes for this entity',
                  permission: pragmaticGitopsHotfixCreatePermission.name,
                })}
              </Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting}
          >
            {submitting ? 'Recording…' : 'Record hotfix'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
