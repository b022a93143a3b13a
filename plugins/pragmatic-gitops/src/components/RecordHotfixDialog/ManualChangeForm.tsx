import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import AddIcon from '@material-ui/icons/Add';
import { checkManualChange, ManualChange } from './changeItems';

const EMPTY: ManualChange = { kind: '', namespace: '', name: '', paths: '' };

const FIELDS: Array<{
  field: keyof ManualChange;
  label: string;
  placeholder: string;
  width: number | string;
}> = [
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
    placeholder: '/spec/replicas, /spec/template/spec/containers/0/image',
    width: '100%',
  },
];

/**
 * Adds a resource that is not in the drift (a Terraform resource, a
 * database, something the controller already reverted): kind, namespace,
 * name and the changed fields as comma-separated JSON pointers.
 */
export function ManualChangeForm(props: {
  disabled?: boolean;
  onAdd: (change: ManualChange) => void;
}) {
  const [change, setChange] = useState<ManualChange>(EMPTY);
  const [problem, setProblem] = useState<string>();

  const add = () => {
    const error = checkManualChange(change);
    setProblem(error);
    if (!error) {
      props.onAdd(change);
      setChange(EMPTY);
    }
  };

  return (
    <Box
      role="group"
      aria-label="Add a resource by hand"
      data-testid="pragmatic-gitops-hotfix-manual-change"
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        {FIELDS.map(({ field, label, placeholder, width }) => (
          <TextField
            key={field}
            id={`pragmatic-gitops-hotfix-manual-${field}`}
            label={label}
            placeholder={placeholder}
            size="small"
            variant="outlined"
            value={change[field]}
            disabled={props.disabled}
            onChange={e => setChange({ ...change, [field]: e.target.value })}
            onKeyDown={e => {
              if (e.key === 'Enter') {
                // Enter adds the resource; it must not send the whole form.
                e.preventDefault();
                add();
              }
            }}
            style={{ width }}
          />
        ))}
        <Button
          startIcon={<AddIcon />}
          onClick={add}
          disabled={props.disabled}
          variant="outlined"
          size="small"
        >
          Add resource
        </Button>
      </Box>
      {problem && <FormHelperText error>{problem}</FormHelperText>}
    </Box>
  );
}
