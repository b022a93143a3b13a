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
    /** The drift scan, run once across replicas. */
    scan?: {
      /** How often; default 5 minutes. */
      frequency?: HumanDuration | string;
      /** Longest a scan may run; default 15 minutes. */
      timeout?: HumanDuration | string;
      /** Entities scanned at once; default 8. */
      concurrency?: number;
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
