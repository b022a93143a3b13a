import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import AddIcon from '@material-ui/icons/Add';
import { Track } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { ManualChange } from './changeItems';

/** An empty "add a resource by hand" row. */
export const EMPTY_MANUAL_CHANGE: ManualChange = {
  kind: '',
  namespace: '',
  name: '',
  paths: '',
};

/** Id of the first field of the row, to move focus to. */
export const MANUAL_FIRST_FIELD_ID = 'pragmatic-gitops-hotfix-manual-kind';

type Field = {
  field: keyof ManualChange;
  label: string;
  placeholder: string;
  helperText?: string;
  width: number | string;
};

const PATHS_HELP =
  'JSON pointers, comma-separated, e.g. /spec/replicas, /spec/template/spec/containers/0/image. Leave empty for the whole resource.';

/** Kubernetes resources: kind, namespace, name and fields. */
const KUBERNETES_FIELDS: Field[] = [
  { field: 'kind', label: 'Kind', placeholder: 'Deployment', width: 150 },
  {
    field: 'namespace',
    label: 'Namespace',
    placeholder: 'payments',
    width: 150,
  },
  { field: 'name', label: 'Name', placeholder: 'payments-api', width: 180 },
  {
    field: 'paths',
    label: 'Fields (comma-separated)',
    placeholder: '/spec/replicas',
    helperText: PATHS_HELP,
    width: '100%',
  },
];

/** Terraform resources and migrations: no namespace, an address or id. */
const IMPERATIVE_FIELDS: Field[] = [
  {
    field: 'kind',
    label: 'Type',
    placeholder: 'aws_db_instance, or migration',
    width: 220,
  },
  {
    field: 'name',
    label: 'Address or migration id',
    placeholder: 'aws_db_instance.payments or 0042_add_refunds',
    width: 320,
  },
  {
    field: 'paths',
    label: 'Attributes (comma-separated)',
    placeholder: '/instance_class',
    helperText:
      'JSON pointers into the resource’s attributes, comma-separated, e.g. /instance_class, /tags/env. Leave empty for the whole resource or a migration.',
    width: '100%',
  },
];

/** The fields that apply to an entity's track. */
export function manualFields(track?: Track | null): Field[] {
  return track === 'imperative' ? IMPERATIVE_FIELDS : KUBERNETES_FIELDS;
}

/**
 * Adds a resource that is not in the drift (a Terraform resource, a
 * migration, something the controller already reverted). Controlled by the
 * dialog, so a row filled in completely counts on submit without "Add".
 */
export function ManualChangeForm(props: {
  track?: Track | null;
  value: ManualChange;
  onChange: (change: ManualChange) => void;
  problem?: string;
  disabled?: boolean;
  onAdd: () => void;
}) {
  const { value, onChange } = props;
  return (
    <Box
      role="group"
      aria-label="Add a resource by hand"
      data-testid="pragmatic-gitops-hotfix-manual-change"
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-start"
        style={{ gap: 8 }}
      >
        {manualFields(props.track).map(
          ({ field, label, placeholder, helperText, width }) => (
            <TextField
              key={field}
              id={`pragmatic-gitops-hotfix-manual-${field}`}
              label={label}
              placeholder={placeholder}
              helperText={helperText}
              size="small"
              variant="outlined"
              value={value[field]}
              disabled={props.disabled}
              error={Boolean(props.problem)}
              onChange={e => onChange({ ...value, [field]: e.target.value })}
              onKeyDown={e => {
                if (e.key === 'Enter') {
                  // Enter adds the resource; it must not send the whole form.
                  e.preventDefault();
                  props.onAdd();
                }
              }}
              style={{ width }}
            />
          ),
        )}
        <Button
          startIcon={<AddIcon />}
          onClick={props.onAdd}
          disabled={props.disabled}
          variant="outlined"
          size="small"
        >
          Add resource
        </Button>
      </Box>
      {props.problem && (
        <FormHelperText
          error
          data-testid="pragmatic-gitops-manual-change-error"
        >
          {props.problem}
        </FormHelperText>
      )}
    </Box>
  );
}
