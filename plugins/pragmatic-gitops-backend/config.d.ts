import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Pragmatic GitOps backend plugin. */
  pragmaticGitops?: {
    /**
     * Observation files (the push API's documents as `*.json` / `*.yaml`),
     * loaded at start-up and on every scan. For air-gapped sites and demos.
     */
    observations?: {
      /** Directory, relative to the backend's working directory. */
      directory?: string;
    };
    /**
     * `dir:` source locations may point inside the Git working tree that
     * holds their catalog file (its directory when it is in none) and inside
     * these directories, relative to the backend's working directory.
     */
    /**
     * Key of the HMAC digests that stand in for secret values in the
     * database (at least 32 characters). When absent, one is generated once
     * and kept in the plugin's database.
     * @visibility secret
     */
    secretDigestKey?: string;
    localSources?: {
      roots?: string[];
    };
    /**
     * Per-kind JSON pointers whose differences are emergent state, e.g.
     * `{ Deployment: ['/spec/replicas'] }`; `'*'` applies to every kind.
     * Entities add their own with the pragmatic-gitops.io/ignore-differences annotation.
     */
    ignoreDifferences?: { [kind: string]: string[] };
    /**
     * Field managers whose managedFields mean "applied from Git" for the
     * three-way rule (fields removed from Git but still live).
     */
    gitopsFieldManagers?: string[];
    /**
     * Reads of an entity's GitOps status and history ask the catalog, with
     * the caller's credentials, whether the caller may read the entity. The
     * catalog's answer (the entity) is reused by that caller alone, never by
     * another user or service, for this long; an entity it does not return
     * is asked for again every time. So an entity deleted from the catalog,
     * or a read permission revoked, shows on these reads within the TTL.
     * The overview's and hotfix audit's answer to "which entities may this
     * caller read" is reused the same way. Default 5 seconds; 0 turns the
     * reuse off.
     */
    catalogReadCache?: {
      /** A HumanDuration object (`{ seconds: 5 }`) or a string (`PT5S`, `5s`). */
      ttl?: HumanDuration | string;
    };
    /** The drift scan, run once across replicas. */
    scan?: {
      /** How often; default 5 minutes. */
      frequency?: HumanDuration | string;
      /** Longest a scan may run; default 15 minutes. */
      timeout?: HumanDuration | string;
      /** Entities scanned at once; default 8. */
      concurrency?: number;
    };
    /** Vault: secret references are checked against KV v2 metadata. */
    vault?: {
      /**
       * Vault instances whose KV version 2 metadata is read to check that
       * referenced secrets exist (version, last update). Secret data is
       * never read. A reference picks an instance by name (annotation
       * `vault/<name>:<key>`, or an External Secrets store with the same
       * name); with exactly one instance configured, every Vault reference
       * uses it.
       */
      instances?: Array<{
        /** Unique name, matched against the reference's store name. */
        name: string;
        /**
         * Base URL of the Vault API (http or https), e.g.
         * `https://vault.example.com:8200`. Requests go to
         * `{baseUrl}/v1/{mount}/metadata/{path}` only.
         */
        baseUrl: string;
        /**
         * Vault token sent as `X-Vault-Token` to this instance only. It
         * needs `read` (and `list` for `vault.io/secrets-path` folders) on
         * `<mount>/metadata/*` and nothing on `<mount>/data/*`.
         * @visibility secret
         */
        token: string;
        /**
         * KV version 2 mounts; a reference key is split into mount and path
         * with them (`kv/data/payments/db` and `kv/payments/db` both mean
         * mount `kv`, path `payments/db`). Keys under other mounts are left
         * unchecked. Default `['secret', 'kv']`.
         */
        kvMounts?: string[];
        /** Timeout of each request in milliseconds. Default 5000. */
        timeoutMs?: number;
        /** Vault Enterprise namespace, sent as `X-Vault-Namespace`. */
        namespace?: string;
      }>;
    };
    /** The hotfix ledger. */
    hotfixes?: {
      /**
       * How long a hotfix may stay without a back-port to Git before it is
       * overdue (and its entity's owners are notified once); default 3 days.
       */
      backportSla?: HumanDuration | string;
      /**
       * How often to look for overdue back-ports and notify their owners
       * (once per hotfix, across replicas); default 15 minutes.
       */
      overdueCheckFrequency?: HumanDuration | string;
    };
    /** Notifications to entity owners, each sent once across replicas. */
    notifications?: {
      /**
       * How long an entity's drift may stay unexplained (status `drifted`:
       * no recorded hotfix accounts for it) before its owners are notified,
       * once per drift episode; default 1 hour. A HumanDuration object
       * (`{ hours: 1 }`) or a duration string (`PT1H`, `1h`).
       */
      unexplainedDriftAfter?: HumanDuration | string;
    };
    /**
     * Demo only: a timeline of past observations and hotfixes replayed once
     * at start-up through the real ledger and scanner (examples/timeline.yaml).
     */
    demo?: {
      timeline?: string;
    };
    /**
     * AWS Secrets Manager metadata for `aws-sm:` references (DescribeSecret
     * only). Credentials: Backstage's `aws` integration config, else the
     * default chain.
     */
    awsSecretsManager?: {
      /** The only regions called; names that are not ARNs are looked up in the first. */
      regions: string[];
      /** Another endpoint for every region, e.g. a VPC endpoint. */
      endpoint?: string;
      /** Per-request timeout in milliseconds; default 5000. */
      timeoutMs?: number;
      /** Requests in flight at once; default 4. */
      concurrency?: number;
    };
    /**
     * Live objects read from the clusters of the Kubernetes plugin's own
     * `kubernetes.clusterLocatorMethods` (types `config` and `catalog`).
     */
    kubernetes?: {
      /** Read clusters at all; default true (nothing happens without clusters). */
      enabled?: boolean;
      /** Requests in flight at once per cluster; default 8. */
      concurrency?: number;
      /** Per-request timeout in milliseconds; default 10000. */
      timeoutMs?: number;
    };
    /** Argo CD instances entities may name with argocd/instance-name. */
    argocd?: {
      instances?: Array<{
        /** Name entities use in argocd/instance-name. */
        name: string;
        /** Base URL of the Argo CD server, e.g. https://argocd.example.com */
        baseUrl: string;
        /**
         * API token of an Argo CD account with read access to applications.
         * @visibility secret
         */
        token: string;
        /** Per-request timeout in milliseconds; default 10000. */
        timeoutMs?: number;
        /** Requests in flight at once to this instance; default 4. */
        concurrency?: number;
      }>;
    };
  };
}
