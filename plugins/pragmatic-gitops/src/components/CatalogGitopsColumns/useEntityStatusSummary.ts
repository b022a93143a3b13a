import useAsync from 'react-use/esm/useAsync';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { entityStatusLoader } from './entityStatusLoader';

/** Track and drift status of one table row, fetched with the rest of its page. */
export function useEntityStatusSummary(entity: Entity) {
  const api = useApi(pragmaticGitopsApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsync(
    () => entityStatusLoader(api).load(entityRef),
    [api, entityRef],
  );
}
