import {
  CatalogTable,
  CatalogTableColumnsFunc,
  CatalogTableRow,
} from '@backstage/plugin-catalog';
import { DefaultFilters } from '@backstage/plugin-catalog-react';
import {
  createGitopsColumns,
  EntityGitopsPicker,
} from '@pragmatic-gitops/plugin-pragmatic-gitops';

/** The catalog's own columns, then the GitOps track and drift status. */
export const catalogColumns: CatalogTableColumnsFunc = context => [
  ...CatalogTable.defaultColumnsFunc(context),
  ...createGitopsColumns<CatalogTableRow>(),
];

/** The catalog's own filters, then the GitOps track and drift status. */
export const catalogFilters = (
  <>
    <DefaultFilters initialKind="component" initiallySelectedFilter="owned" />
    <EntityGitopsPicker />
  </>
);
