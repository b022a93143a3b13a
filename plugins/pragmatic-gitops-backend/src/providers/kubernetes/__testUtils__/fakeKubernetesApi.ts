/**
 * A small Kubernetes API server for tests and the benchmark: discovery
 * (`/api`, `/apis`, `/api/v1`, `/apis/<group>/<version>`), GET by name, LIST
 * with an equality label selector, in all namespaces or one. It records
 * every request, answers 401 to a wrong token and can be slowed down.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { KubeObject } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';

export type FakeKind = {
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
};

export const BUILT_IN_KINDS: FakeKind[] = [
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    namespaced: true,
  },
  { apiVersion: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { apiVersion: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  { apiVersion: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    plural: 'deployments',
    namespaced: true,
  },
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    namespaced: true,
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    plural: 'statefulsets',
    namespaced: true,
  },
  { apiVersion: 'batch/v1', kind: 'Job', plural: 'jobs', namespaced: true },
];

export const FLUX_FAKE_KINDS: FakeKind[] = [
  {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    plural: 'kustomizations',
    namespaced: true,
  },
  {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    plural: 'helmreleases',
    namespaced: true,
  },
];

export type RecordedRequest = { method: string; path: string };

export type FakeKubernetesApi = {
  url: string;
  requests: RecordedRequest[];
  objects: KubeObject[];
  /** Milliseconds before each answer. */
  delayMs: number;
  close(): Promise<void>;
};

function matches(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every(term => {
    const [key, value] = term.split('=');
    return object.metadata.labels?.[key.trim()] === value?.trim();
  });
}

export async function startFakeKubernetesApi(options: {
  token: string;
  kinds?: FakeKind[];
  objects?: KubeObject[];
  delayMs?: number;
}): Promise<FakeKubernetesApi> {
  const kinds = options.kinds ?? BUILT_IN_KINDS;
  const requests: RecordedRequest[] = [];
  const api = {
    objects: options.objects ?? [],
    delayMs: options.delayMs ?? 0,
  };
  const versions = [...new Set(kinds.map(k => k.apiVersion))];
  // Indexes by kind, name and label, rebuilt when the list changes (the bench holds 20,000).
  type Index = {
    source: KubeObject[];
    length: number;
    byKind: Map<string, KubeObject[]>;
    byName: Map<string, KubeObject>;
    byLabel: Map<string, KubeObject[]>;
  };
  let index: Index | undefined;
  const add = (map: Map<string, KubeObject[]>, key: string, o: KubeObject) => {
    const list = map.get(key);
    if (list) list.push(o);
    else map.set(key, [o]);
  };
  const currentIndex = (): Index => {
    if (index?.source === api.objects && index.length === api.objects.length) {
      return index;
    }
    index = {
      source: api.objects,
      length: api.objects.length,
      byKind: new Map(),
      byName: new Map(),
      byLabel: new Map(),
    };
    for (const o of api.objects) {
      const kindKey = `${o.apiVersion}|${o.kind}`;
      add(index.byKind, kindKey, o);
      index.byName.set(
        `${kindKey}|${o.metadata.namespace ?? ''}|${o.metadata.name}`,
        o,
      );
      for (const [key, value] of Object.entries(o.metadata.labels ?? {})) {
        add(index.byLabel, `${kindKey}|${key}=${value}`, o);
      }
    }
    return index;
  };
  /** Objects of a kind in a namespace (or all) matching an equality selector. */
  const listOf = (
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    selector: string | null,
  ) => {
    const kindKey = `${apiVersion}|${kind}`;
    const [first] = selector ? selector.split(',') : [];
    const candidates = first
      ? currentIndex().byLabel.get(`${kindKey}|${first.trim()}`) ?? []
      : currentIndex().byKind.get(kindKey) ?? [];
    return candidates.filter(
      o =>
        (namespace === undefined || o.metadata.namespace === namespace) &&
        matches(o, selector),
    );
  };

  const answer = (res: http.ServerResponse, status: number, body: unknown) => {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (api.delayMs > 0) setTimeout(send, api.delayMs);
    else send();
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({
      method: req.method ?? '',
      path: url.pathname + url.search,
    });
    req.resume();
    if (req.method !== 'GET') {
      answer(res, 405, { kind: 'Status', code: 405 });
      return;
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      answer(res, 401, { kind: 'Status', code: 401, reason: 'Unauthorized' });
      return;
    }
    const path = url.pathname;
    if (path === '/apis') {
      const groups = new Map<string, string>();
      for (const version of versions.filter(v => v.includes('/'))) {
        groups.set(version.split('/')[0], version);
      }
      answer(res, 200, {
        kind: 'APIGroupList',
        groups: [...groups].map(([name, groupVersion]) => ({
          name,
          preferredVersion: { groupVersion },
          versions: [{ groupVersion }],
        })),
      });
      return;
    }
    const parts = path.split('/').filter(Boolean);
    const [root] = parts;
    const versionLength = root === 'api' ? 2 : 3;
    const apiVersion = parts.slice(1, versionLength).join('/');
    if (!versions.includes(apiVersion)) {
      answer(res, 404, { kind: 'Status', code: 404 });
      return;
    }
    let rest = parts.slice(versionLength);
    if (rest.length === 0) {
      answer(res, 200, {
        kind: 'APIResourceList',
        groupVersion: apiVersion,
        resources: kinds
          .filter(k => k.apiVersion === apiVersion)
          .flatMap(k => [
            {
              name: k.plural,
              kind: k.kind,
              namespaced: k.namespaced,
              verbs: ['get', 'list'],
            },
            {
              name: `${k.plural}/status`,
              kind: k.kind,
              namespaced: k.namespaced,
              verbs: ['get'],
            },
          ]),
      });
      return;
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = decodeURIComponent(rest[1]);
      rest = rest.slice(2);
    }
    const kind = kinds.find(
      k => k.apiVersion === apiVersion && k.plural === rest[0],
    );
    if (!kind) {
      answer(res, 404, { kind: 'Status', code: 404 });
      return;
    }
    if (rest.length === 1) {
      const selector = url.searchParams.get('labelSelector');
      answer(res, 200, {
        kind: `${kind.kind}List`,
        apiVersion,
        items: listOf(apiVersion, kind.kind, namespace, selector).map(
          ({ apiVersion: _v, kind: _k, ...item }) => item,
        ),
      });
      return;
    }
    const found = currentIndex().byName.get(
      `${apiVersion}|${kind.kind}|${namespace ?? ''}|${decodeURIComponent(
        rest[1],
      )}`,
    );
    if (found) answer(res, 200, found);
    else answer(res, 404, { kind: 'Status', code: 404, reason: 'NotFound' });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
