import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';

/** How long the owner field waits for typing to stop before filtering. */
export const OWNER_DEBOUNCE_MS = 400;

/** One group the picker offers: what it shows is what it filters by. */
type GroupOption = { value: string; title?: string };

/**
 * The owner filter: type a name or pick one of the catalog's groups. What
 * is shown ("team-payments", "other/team-x") is what is sent, and the
 * backend accepts it, so a typed owner and a picked one filter alike.
 */
export function OwnerPicker(props: {
  owner?: string;
  onChange: (owner: string | undefined) => void;
}) {
  const { owner, onChange } = props;
  const catalogApi = useApi(catalogApiRef);
  const [text, setText] = useState(owner ?? '');

  const groups = useAsync(async (): Promise<GroupOption[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(entity => ({
        value: humanizeEntityRef(entity, { defaultKind: 'group' }),
        title: entity.metadata.title,
        ref: stringifyEntityRef(entity),
      }))
      .sort((a, b) => a.value.localeCompare(b.value));
  }, [catalogApi]);

  // Follow changes made elsewhere (a cleared filter, the URL).
  useEffect(() => {
    setText(current =>
      current.trim() === (owner ?? '') ? current : owner ?? '',
    );
  }, [owner]);

  useDebounce(
    () => {
      const next = text.trim() || undefined;
      if (next !== owner) onChange(next);
    },
    OWNER_DEBOUNCE_MS,
    [text],
  );

  return (
    <Autocomplete<GroupOption, false, false, true>
      freeSolo
      options={groups.value ?? []}
      loading={groups.loading}
      getOptionLabel={option =>
        typeof option === 'string' ? option : option.value
      }
      renderOption={option =>
        option.title ? `${option.value} · ${option.title}` : option.value
      }
      inputValue={text}
      onInputChange={(_, value) => setText(value)}
      onChange={(_, value) => {
        const picked = typeof value === 'string' ? value : value?.value;
        setText(picked ?? '');
        // A pick filters at once; typing waits for the debounce.
        onChange(picked?.trim() || undefined);
      }}
      style={{ minWidth: 300 }}
      renderInput={params => (
        <TextField
          {...params}
          label="Owner"
          placeholder="team-payments"
          variant="outlined"
          size="small"
          inputProps={{
            ...params.inputProps,
            'data-testid': 'pragmatic-gitops-owner-filter',
          }}
        />
      )}
    />
  );
}
