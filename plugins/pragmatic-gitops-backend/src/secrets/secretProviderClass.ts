import { parse } from 'yaml';
import { KubeObject } from '../engine/types';
import { DeclaredRefs } from './externalSecrets';
import { isRecord, records, str } from './podTemplates';
import { apiGroup } from './secretStores';
import { SecretRef } from './types';
import { producedSecrets } from './secretProducers';
import { ownEntry } from '../engine/values';

const CSI_GROUP = 'secrets-store.csi.x-k8s.io';

type Entry = Omit<SecretRef, 'via' | 'usedBy' | 'resolution' | 'declaredBy'>;

/** Thrown inside this module only: the parameters do not have the expected shape. */
class Malformed extends Error {}

/** Parses a YAML/JSON parameter; the parser's message (which quotes the text) is dropped. */
function parseParameter(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new Malformed();
  try {
    return parse(value, { maxAliasCount: 100 });
  } catch {
    throw new Malformed();
  }
}

function list(value: unknown): Array<Record<string, unknown>> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Malformed();
  return records(value);
}

function vaultEntries(parameters: Record<string, unknown>): Entry[] {
  return list(parseParameter(parameters.objects)).flatMap(object => {
    const key = str(object.secretPath);
    const property = str(object.secretKey);
    return key
      ? [{ store: { kind: 'vault' }, key, ...(property ? { property } : {}) }]
      : [];
  });
}

function awsStoreKind(object: Record<string, unknown>, key: string): string {
  const type = str(object.objectType)?.toLowerCase();
  if (type === 'ssmparameter' || key.startsWith('arn:aws:ssm:')) {
    return 'aws-parameter-store';
  }
  return 'aws-secrets-manager';
}

function awsEntries(parameters: Record<string, unknown>): Entry[] {
  return list(parseParameter(parameters.objects)).flatMap(object => {
    const key = str(object.objectName);
    if (!key) return [];
    const version = str(object.objectVersion) ?? str(object.objectVersionLabel);
    const base: Entry = {
      store: { kind: awsStoreKind(object, key) },
      key,
      ...(version ? { version } : {}),
    };
    const paths = records(object.jmesPath).flatMap(p => str(p.path) ?? []);
    return paths.length > 0
      ? paths.map(property => ({ ...base, property }))
      : [base];
  });
}

function azureEntries(parameters: Record<string, unknown>): Entry[] {
  const parsed = parseParameter(parameters.objects);
  if (parsed === undefined || parsed === null) return [];
  if (!isRecord(parsed)) throw new Malformed();
  const vaultName = str(parameters.keyvaultName);
  const store = vaultName
    ? { kind: 'azure-key-vault', name: vaultName }
    : { kind: 'azure-key-vault' };
  const items = Array.isArray(parsed.array) ? parsed.array : [];
  return items.flatMap(item => {
    const object = typeof item === 'string' ? parseParameter(item) : item;
    if (!isRecord(object)) throw new Malformed();
    const key = str(object.objectName);
    const version = str(object.objectVersion);
    return key ? [{ store, key, ...(version ? { version } : {}) }] : [];
  });
}

function gcpEntries(parameters: Record<string, unknown>): Entry[] {
  return list(parseParameter(parameters.secrets)).flatMap(object => {
    const resource = str(object.resourceName);
    if (!resource) return [];
    const match = /^(.+)\/versions\/([^/]+)$/.exec(resource);
    return [
      {
        store: { kind: 'gcp-secret-manager' },
        key: match ? match[1] : resource,
        ...(match ? { version: match[2] } : {}),
      },
    ];
  });
}

function genericEntries(
  provider: string,
  parameters: Record<string, unknown>,
): Entry[] {
  return list(parseParameter(parameters.objects)).flatMap(object => {
    const key = str(object.objectName);
    return key ? [{ store: { kind: provider }, key }] : [];
  });
}

const PROVIDERS: Record<string, (p: Record<string, unknown>) => Entry[]> = {
  vault: vaultEntries,
  aws: awsEntries,
  azure: azureEntries,
  gcp: gcpEntries,
};

export function isSecretProviderClass(object: KubeObject): boolean {
  return (
    apiGroup(object) === CSI_GROUP && object.kind === 'SecretProviderClass'
  );
}

/**
 * References of one Secrets Store CSI `SecretProviderClass`. Parameters that
 * do not parse or have an unexpected shape give no references and
 * `malformed: true`; nothing from them is ever returned.
 */
export function parseSecretProviderClass(object: KubeObject): {
  declared: DeclaredRefs;
  malformed: boolean;
} {
  const spec = isRecord(object.spec) ? object.spec : {};
  const declaredBy = { kind: object.kind, name: object.metadata.name };
  const provider = str(spec.provider)?.toLowerCase() ?? 'unknown';
  const parameters = isRecord(spec.parameters) ? spec.parameters : {};
  let entries: Entry[] = [];
  let malformed = false;
  try {
    entries = (
      ownEntry(PROVIDERS, provider) ?? (p => genericEntries(provider, p))
    )(parameters);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    malformed = true;
  }
  const produces = producedSecrets(object);
  const refs: SecretRef[] = entries.map(entry => ({
    ...entry,
    via: 'csi-secret-provider',
    declaredBy,
    usedBy: [],
    resolution: { status: 'unchecked' },
  }));
  return {
    declared: {
      declaredBy,
      produces,
      providerClass: object.metadata.name,
      refs,
    },
    malformed,
  };
}

export function secretProviderClasses(desired: KubeObject[]) {
  return desired.filter(isSecretProviderClass).map(parseSecretProviderClass);
}
