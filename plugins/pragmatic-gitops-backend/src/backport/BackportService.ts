/**
 * Generates the back-port of a pending hotfix: the live value of every field
 * it touched, written into the manifests that declare them. For `dir:`
 * sources the result is a unified diff to copy; for `url:` sources on a
 * configured GitHub or GitLab host, a branch, a commit carrying
 * `Backport-Of: HF-<n>` and a pull request. Asking again returns the
 * pull request still open (remembered in the ledger, so on any replica).
 */
import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import {
  ANNOTATION_KUBERNETES_NAMESPACE,
  AnnotationError,
  HotfixBackport,
  IgnoreRule,
  pragmaticGitopsHotfixUpdatePermission,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  DesiredStateUnavailableError,
  SourceFiles,
} from '../desired/DesiredStateReader';
import { entityIgnoreRules } from '../desired/entityIgnoreRules';
import { parseManifests } from '../desired/parseManifests';
import { computeDrift, DEFAULT_GITOPS_FIELD_MANAGERS } from '../engine';
import { KubeObject, LiveState } from '../engine/types';
import { redactObject } from '../observations/redactSecrets';
import { SecretDigest } from '../observations/secretDigest';
import { readTrack } from '../service/annotationFindings';
import { EntityAccess } from '../ledger/EntityAccess';
import { entityPageLink } from '../ledger/entityPageLink';
import { parseHotfixId } from '../ledger/hotfixId';
import { HotfixService } from '../ledger/HotfixService';
import { HotfixRecordWithEvents } from '../ledger/types';
import { BackportPullRequestStore } from './BackportPullRequestStore';
import { kustomizeTargets } from './kustomizeTargets';
import { applyBackportPlan, planBackport } from './planBackport';
import { patchManifest } from './patchManifest';
import {
  backportBranch,
  commitMessage,
  PullRequestContext,
  pullRequestBody,
  pullRequestTitle,
} from './scm/pullRequestText';
import { PullRequestOpener } from './scm/PullRequestOpener';
import { unifiedDiff } from './unifiedDiff';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

export type BackportServiceOptions = {
  hotfixes: Pick<HotfixService, 'get'>;
  access: EntityAccess;
  desiredReader: {
    readFiles(entity: Entity): Promise<SourceFiles | undefined>;
  };
  /** The entity's live state as the scanner observes it, redacted. */
  observeLive: (
    entity: Entity,
    context: { desired: KubeObject[]; defaultNamespace?: string },
  ) => Promise<LiveState | undefined>;
  pullRequests: BackportPullRequestStore;
  /** Each serves the hosts configured for it; the first that handles a URL opens. */
  openers: PullRequestOpener[];
  /** Stands in for secret values of desired objects, as in scans. */
  secretDigest: SecretDigest;
  /**
   * `pragmaticGitops.ignoreDifferences` and its defaults: with the entity's
   * annotation, the fields a back-port never writes.
   */
  ignoreDefaults: IgnoreRule[];
  gitopsFieldManagers?: string[];
  appBaseUrl?: string;
  backendBaseUrl?: string;
  now?: () => Date;
};

export type GeneratedBackport = {
  backport: HotfixBackport;
  /** True when this call opened a pull request. */
  created: boolean;
};

export class BackportService {
  private readonly now: () => Date;
  private readonly digest: SecretDigest;

  constructor(private readonly options: BackportServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.digest = options.secretDigest;
  }

  async generate(
    id: string,
    credentials: UserCredentials,
  ): Promise<GeneratedBackport> {
    const { access } = this.options;
    const hotfix = await this.options.hotfixes.get(id, credentials);
    const entity = await access.readable(hotfix.entityRef, credentials);
    await access.authorize(
      pragmaticGitopsHotfixUpdatePermission,
      entity,
      credentials,
      `back-port hotfix ${id}`,
    );
    if (hotfix.status !== 'pending-backport') {
      throw new ConflictError(
        `Hotfix ${id} is ${hotfix.status}; only a pending-backport hotfix can be back-ported`,
      );
    }
    const source = await this.readSource(entity);
    if (!source) {
      throw new ConflictError(
        `${stringifyEntityRef(
          entity,
        )} has no pragmatic-gitops.io/source-location: there is no manifest to back-port hotfix ${id} into`,
      );
    }
    const defaultNamespace =
      entity.metadata.annotations?.[ANNOTATION_KUBERNETES_NAMESPACE] ||
      undefined;
    const parsed = parseManifests(source.files);
    const live = await this.options.observeLive(entity, {
      desired: parsed.objects,
      defaultNamespace,
    });
    if (!live?.objects && !live?.terraformPlan) {
      throw new ConflictError(
        `No live state observed for ${stringifyEntityRef(
          entity,
        )}: a back-port writes the live values of hotfix ${id}, observe the entity first`,
      );
    }
    // Kustomize: only what the overlay owns is compared and written.
    const objectFiles = parsed.objectFiles ?? [];
    const kustomize = kustomizeTargets(
      source.files,
      parsed.objects,
      objectFiles,
    );
    const targets = parsed.objects
      .map((object, i) => ({ object, file: objectFiles[i] }))
      .filter((_, i) => kustomize?.writable[i] ?? true);
    const desired = targets.map(t => redactObject(t.object, this.digest));
    const { resources } = computeDrift({
      track: readTrack(entity).track ?? 'declarative',
      desired,
      live,
      defaultNamespace,
      ignoreRules: entityIgnoreRules(entity, this.options.ignoreDefaults),
      gitopsFieldManagers: this.options.gitopsFieldManagers ?? [
        ...DEFAULT_GITOPS_FIELD_MANAGERS,
      ],
    });
    const plan = planBackport({
      changes: hotfix.changes,
      objects: targets.map(t => t.object),
      objectFiles: targets.map(t => t.file),
      resources,
      terraformAddresses: terraformAddresses(live),
      defaultNamespace,
      ...(kustomize ? { kustomize } : {}),
    });
    const texts = new Map(source.files.map(f => [f.path, f.content]));
    const patched = await applyBackportPlan(
      plan,
      async path => texts.get(path) ?? '',
      defaultNamespace,
    );
    const base = {
      hotfixId: id,
      written: patched.written,
      refused: patched.refused,
    };
    if (source.location.type !== 'url') {
      return {
        backport: { ...base, type: 'diff', diff: unifiedDiff(patched.files) },
        created: false,
      };
    }
    if (patched.written.length === 0) {
      return { backport: { ...base, type: 'pull-request' }, created: false };
    }
    const seq = parseHotfixId(id);
    const opener = this.openerOrFail(source.location.target);
    const remembered = await this.options.pullRequests.latest(seq);
    if (
      remembered &&
      (await opener.isOpen(source.location.target, remembered))
    ) {
      return {
        backport: {
          ...base,
          type: 'pull-request',
          pullRequest: { ...pick(remembered), created: false },
        },
        created: false,
      };
    }
    const context = this.context(hotfix, patched.written);
    const opened = await opener.open({
      sourceUrl: source.location.target,
      branch: backportBranch(id),
      title: pullRequestTitle(context),
      body: pullRequestBody(context),
      commitMessage: commitMessage(context),
      files: [...plan.writes.keys()],
      patch: async (file, text) => {
        let result = text;
        for (const { resource, writes } of plan.writes.get(file) ?? []) {
          result = patchManifest(result, resource, writes, {
            defaultNamespace,
          }).text;
        }
        return result;
      },
    });
    if (!opened) {
      return { backport: { ...base, type: 'pull-request' }, created: false };
    }
    const { created, ...pullRequest } = opened;
    await this.options.pullRequests.remember(
      seq,
      pullRequest,
      credentials.principal.userEntityRef,
      this.now(),
    );
    return {
      backport: {
        ...base,
        type: 'pull-request',
        pullRequest: { ...pick(opened), created },
      },
      created,
    };
  }

  /** Unreadable sources and bad annotations are a 409 saying why, never a 500. */
  private async readSource(entity: Entity) {
    try {
      return await this.options.desiredReader.readFiles(entity);
    } catch (error) {
      if (
        error instanceof DesiredStateUnavailableError ||
        error instanceof AnnotationError
      ) {
        throw new ConflictError(error.message);
      }
      throw error;
    }
  }

  private openerFor(sourceUrl: string) {
    return this.options.openers.find(opener => opener.handles(sourceUrl));
  }

  private openerOrFail(sourceUrl: string) {
    const opener = this.openerFor(sourceUrl);
    if (!opener) {
      let host = sourceUrl;
      try {
        host = new URL(sourceUrl).host;
      } catch {
        // named as written
      }
      throw new ConflictError(
        `Cannot open a back-port pull request for ${sourceUrl}: ${host} is not configured under integrations.github or integrations.gitlab`,
      );
    }
    return opener;
  }

  private context(
    hotfix: HotfixRecordWithEvents,
    written: PullRequestContext['written'],
  ): PullRequestContext {
    const { appBaseUrl, backendBaseUrl } = this.options;
    return {
      hotfixId: hotfix.id,
      title: hotfix.title,
      entityRef: hotfix.entityRef,
      incidentUrl: hotfix.incidentUrl,
      ...(appBaseUrl
        ? { entityPageUrl: `${appBaseUrl}${entityPageLink(hotfix.entityRef)}` }
        : {}),
      ...(backendBaseUrl
        ? {
            hotfixUrl: `${backendBaseUrl}/api/pragmatic-gitops/hotfixes/${hotfix.id}`,
          }
        : {}),
      written,
    };
  }
}

function pick(pr: { url: string; number: number; branch: string }) {
  return { url: pr.url, number: pr.number, branch: pr.branch };
}

function terraformAddresses(live: LiveState): Set<string> {
  const plan = live.terraformPlan as
    | { resource_changes?: unknown; resource_drift?: unknown }
    | undefined;
  const addresses = new Set<string>();
  for (const list of [plan?.resource_changes, plan?.resource_drift]) {
    for (const entry of Array.isArray(list) ? list : []) {
      if (typeof entry?.address === 'string') addresses.add(entry.address);
    }
  }
  return addresses;
}
