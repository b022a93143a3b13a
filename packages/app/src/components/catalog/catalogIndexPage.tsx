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

/**
 * The catalog's own columns with the GitOps track and drift status right
 * after the name, where they are seen without scrolling.
 */
export const catalogColumns: CatalogTableColumnsFunc = context => {
  const [name, ...rest] = CatalogTable.defaultColumnsFunc(context);
  return [name, ...createGitopsColumns<CatalogTableRow>(), ...rest];
};

/** The catalog's own filters, then the GitOps track and drift status. */
export const catalogFilters = (
  <>
    <DefaultFilters initialKind="component" initiallySelectedFilter="owned" />
    <EntityGitopsPicker />
  </>
);
