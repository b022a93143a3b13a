/**
 * The words of a back-port pull request: the commit message carries the
 * `Backport-Of: HF-<n>` trailer the ledger's back-port detection looks for;
 * the body links the hotfix, its incident and the entity page.
 */
import type { BackportField } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

export type PullRequestContext = {
  hotfixId: string;
  title: string;
  entityRef: string;
  incidentUrl?: string;
  /** The entity's page in the portal, when `app.baseUrl` is configured. */
  entityPageUrl?: string;
  /** The hotfix in the API. */
  hotfixUrl?: string;
  written: BackportField[];
};

/** `pragmatic-gitops/backport-hf-<n>`: one branch per hotfix. */
export function backportBranch(hotfixId: string): string {
  return `pragmatic-gitops/backport-${hotfixId.toLowerCase()}`;
}

export function pullRequestTitle(context: PullRequestContext): string {
  return `Back-port ${context.hotfixId}: ${context.title}`;
}

export function commitMessage(context: PullRequestContext): string {
  return `${pullRequestTitle(
    context,
  )}\n\nWrites the live values of the fields hotfix ${
    context.hotfixId
  } changed by hand.\n\nBackport-Of: ${context.hotfixId}\n`;
}

function field(written: BackportField): string {
  const { kind, namespace, name } = written.resource;
  return `- \`${written.file}\`: ${kind} ${
    namespace ? `${namespace}/` : ''
  }${name} \`${written.path}\``;
}

export function pullRequestBody(context: PullRequestContext): string {
  const links = [
    `- Hotfix: ${
      context.hotfixUrl
        ? `[${context.hotfixId}](${context.hotfixUrl})`
        : context.hotfixId
    }`,
    `- Incident: ${context.incidentUrl ?? 'none recorded'}`,
    `- Entity: ${
      context.entityPageUrl
        ? `[${context.entityRef}](${context.entityPageUrl})`
        : context.entityRef
    }`,
  ];
  return [
    `Back-port of hotfix ${context.hotfixId}, "${context.title}": the values applied by hand are written into the manifests that declare them, so Git matches what runs.`,
    '',
    ...links,
    '',
    'Fields written:',
    ...context.written.map(field),
    '',
    `Merging this closes ${context.hotfixId} in the ledger (commit trailer \`Backport-Of: ${context.hotfixId}\`).`,
    '',
  ].join('\n');
}
