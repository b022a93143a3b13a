/**
 * The clusters the Backstage Kubernetes plugin's own configuration names
 * (`kubernetes.clusterLocatorMethods`), read so that a portal with the
 * Kubernetes plugin configured needs no new config. Only what this
 * read-only provider can use is kept; every cluster it cannot use is
 * reported (once) with the reason, never a crash.
 */
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';

/** A cluster the provider can read. */
export type ClusterSpec = {
  name: string;
  /** API server base URL. */
  url: string;
  /** Bearer token of a read-only service account, or a file holding one. */
  token: { value: string } | { file: string };
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
};

export type ClusterReading = {
  clusters: ClusterSpec[];
  /** Clusters that cannot be used, each with why; reported once at start-up. */
  unsupported: string[];
  /** `catalog` locator configured: clusters also come from Resource entities. */
  fromCatalog: boolean;
};

export const CLUSTER_LOCATORS_KEY = 'kubernetes.clusterLocatorMethods';
/** Where a pod's service-account token lives (Backstage uses it too). */
export const IN_CLUSTER_TOKEN_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

export const ANNOTATION_API_SERVER = 'kubernetes.io/api-server';
export const ANNOTATION_API_SERVER_CA =
  'kubernetes.io/api-server-certificate-authority';
export const ANNOTATION_AUTH_PROVIDER = 'kubernetes.io/auth-provider';
export const ANNOTATION_SKIP_TLS_VERIFY = 'kubernetes.io/skip-tls-verify';

type ClusterFields = {
  name: string;
  url?: string;
  authProvider?: string;
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
};

/** One cluster, or why it cannot be read by this provider. */
export function toClusterSpec(
  fields: ClusterFields,
  inClusterTokenFile: string = IN_CLUSTER_TOKEN_FILE,
): ClusterSpec | { unsupported: string } {
  const { name, authProvider } = fields;
  if (!fields.url) {
    return { unsupported: `cluster '${name}' has no url` };
  }
  let protocol: string;
  try {
    protocol = new URL(fields.url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    return { unsupported: `cluster '${name}' has no valid http(s) url` };
  }
  if (protocol === 'http:' && !fields.skipTLSVerify) {
    return {
      unsupported: `cluster '${name}' has a plain http url; use https (or skipTLSVerify for a local test cluster)`,
    };
  }
  if (authProvider !== 'serviceAccount') {
    return {
      unsupported: `cluster '${name}' uses authProvider '${
        authProvider ?? '(none)'
      }', which the Pragmatic GitOps Kubernetes provider does not support (only serviceAccount); its entities get live state from other providers`,
    };
  }
  const tokenValue = fields.serviceAccountToken?.trim();
  let token: ClusterSpec['token'];
  if (tokenValue) {
    token = { value: tokenValue };
  } else if (fs.existsSync(inClusterTokenFile)) {
    token = { file: inClusterTokenFile };
  } else {
    return {
      unsupported: `cluster '${name}' uses authProvider serviceAccount without serviceAccountToken, and Backstage does not run in a cluster (${inClusterTokenFile} is missing)`,
    };
  }
  return {
    name,
    url: fields.url.replace(/\/+$/, ''),
    token,
    ...(fields.caData ? { caData: fields.caData } : {}),
    ...(fields.caFile ? { caFile: fields.caFile } : {}),
    skipTLSVerify: fields.skipTLSVerify ?? false,
  };
}

/** Clusters of the `config` locators, and whether a `catalog` locator is configured. */
export function readClusterConfig(
  config: Config,
  inClusterTokenFile?: string,
): ClusterReading {
  const reading: ClusterReading = {
    clusters: [],
    unsupported: [],
    fromCatalog: false,
  };
  const methods = config.getOptionalConfigArray(CLUSTER_LOCATORS_KEY) ?? [];
  methods.forEach((method, index) => {
    const type = method.getOptionalString('type');
    if (type === 'catalog') {
      reading.fromCatalog = true;
      return;
    }
    if (type !== 'config') {
      reading.unsupported.push(
        `${CLUSTER_LOCATORS_KEY}[${index}] of type '${type}' is not read by the Pragmatic GitOps Kubernetes provider (only 'config' and 'catalog')`,
      );
      return;
    }
    for (const cluster of method.getOptionalConfigArray('clusters') ?? []) {
      const spec = toClusterSpec(
        {
          name: cluster.getString('name'),
          url: cluster.getOptionalString('url'),
          authProvider: cluster.getOptionalString('authProvider'),
          serviceAccountToken: cluster.getOptionalString('serviceAccountToken'),
          caData: cluster.getOptionalString('caData'),
          caFile: cluster.getOptionalString('caFile'),
          skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify'),
        },
        inClusterTokenFile,
      );
      if ('unsupported' in spec) {
        reading.unsupported.push(spec.unsupported);
      } else if (reading.clusters.some(c => c.name === spec.name)) {
        reading.unsupported.push(
          `cluster '${spec.name}' is configured twice; the first one is used`,
        );
      } else {
        reading.clusters.push(spec);
      }
    }
  });
  return reading;
}

/** A Resource entity of type `kubernetes-cluster`, as the catalog locator reads it. */
export function clusterFromEntity(
  entity: Entity,
  inClusterTokenFile?: string,
): ClusterSpec | { unsupported: string } {
  const annotations = entity.metadata.annotations ?? {};
  const ca = annotations[ANNOTATION_API_SERVER_CA];
  return toClusterSpec(
    {
      name: entity.metadata.name,
      url: annotations[ANNOTATION_API_SERVER],
      authProvider: annotations[ANNOTATION_AUTH_PROVIDER],
      // Backstage stores the CA base64-encoded in the annotation, as caData.
      caData: ca || undefined,
      skipTLSVerify: annotations[ANNOTATION_SKIP_TLS_VERIFY] === 'true',
    },
    inClusterTokenFile,
  );
}
