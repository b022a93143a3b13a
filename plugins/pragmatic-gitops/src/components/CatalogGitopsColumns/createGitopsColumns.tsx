import { Entity } from '@backstage/catalog-model';
import { TableColumn } from '@backstage/core-components';
import { GitopsStatusCell, GitopsTrackCell } from './GitopsCells';

/**
 * A row of a table of entities, such as the catalog table's
 * `CatalogTableRow`.
 *
 * @public
 */
export type EntityRow = { entity: Entity };

/**
 * Catalog table columns: the entity's GitOps track and drift status as
 * chips. The cells of one page share a single request to the backend.
 *
 * ```tsx
 * <CatalogIndexPage
 *   columns={context => [
 *     ...CatalogTable.defaultColumnsFunc(context),
 *     ...createGitopsColumns(),
 *   ]}
 * />
 * ```
 *
 * @public
 */
export function createGitopsColumns<
  Row extends EntityRow = EntityRow,
>(): TableColumn<Row>[] {
  return [
    {
      title: 'Track',
      sorting: false,
      render: row => <GitopsTrackCell entity={row.entity} />,
    },
    {
      title: 'GitOps status',
      sorting: false,
      render: row => <GitopsStatusCell entity={row.entity} />,
    },
  ];
}
