import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ResponseError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  GITOPS_SEARCH_TYPE,
  GitopsSearchDocument,
  Overview,
  OverviewItem,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { Readable } from 'node:stream';
import { readLocationTemplate } from './config';
import { describeStatus } from './describeStatus';

/** Entities per `GET /overview` page (the endpoint's maximum). */
const PAGE_SIZE = 500;

/** @public */
export type PragmaticGitopsCollatorFactoryOptions = {
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
  /** Defaults to the entity's GitOps tab, `/catalog/:namespace/:kind/:name/gitops`. */
  locationTemplate?: string;
};

/**
 * Collates one search document per tracked entity from the pragmatic-gitops
 * backend's `GET /overview`, read page by page with the search plugin's own
 * service credentials. Documents carry the entity ref, so the search backend
 * shows each only to users who may read the entity in the catalog.
 *
 * @public
 */
export class PragmaticGitopsCollatorFactory implements DocumentCollatorFactory {
  readonly type = GITOPS_SEARCH_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  static fromConfig(
    config: Config,
    options: Omit<PragmaticGitopsCollatorFactoryOptions, 'locationTemplate'>,
  ): PragmaticGitopsCollatorFactory {
    return new PragmaticGitopsCollatorFactory({
      ...options,
      locationTemplate: readLocationTemplate(config),
    });
  }

  private constructor(
    private readonly options: PragmaticGitopsCollatorFactoryOptions,
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<GitopsSearchDocument> {
    const { auth, discovery } = this.options;
    const baseUrl = await discovery.getBaseUrl('pragmatic-gitops');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'pragmatic-gitops',
    });
    let offset = 0;
    let total = 0;
    do {
      const response = await fetch(
        `${baseUrl}/overview?sort=name&limit=${PAGE_SIZE}&offset=${offset}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const page = (await response.json()) as Overview;
      total = page.totalItems;
      offset += page.items.length;
      for (const item of page.items) {
        if (item.track !== null) {
          yield this.toDocument({ ...item, track: item.track });
        }
      }
      if (page.items.length === 0) {
        break;
      }
    } while (offset < total);
    this.options.logger.info(`Collated ${total} Pragmatic GitOps entities`);
  }

  private toDocument(
    item: OverviewItem & { track: Track },
  ): GitopsSearchDocument {
    const { kind, namespace, name } = parseEntityRef(item.entityRef);
    return {
      title: item.title ?? name,
      text: describeStatus(item, name),
      location: this.location({ kind, namespace, name }),
      authorization: { resourceRef: item.entityRef },
      entityRef: item.entityRef,
      kind,
      namespace,
      name,
      track: item.track,
      driftStatus: item.status,
      owner: item.owner ?? '',
      ...(item.reason ? { reason: item.reason } : {}),
      since: item.since,
    };
  }

  private location(args: Record<'kind' | 'namespace' | 'name', string>) {
    let location = this.options.locationTemplate ?? '';
    for (const [key, value] of Object.entries(args)) {
      location = location.replace(`:${key}`, encodeURIComponent(value));
    }
    return location.toLocaleLowerCase('en-US');
  }
}
