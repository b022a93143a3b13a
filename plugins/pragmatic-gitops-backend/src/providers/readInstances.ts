import { Config } from '@backstage/config';

/** What every configured HTTP provider instance has. */
export type BaseInstanceConfig = {
  name: string;
  /** Normalised: no trailing slash, no query or fragment. */
  baseUrl: string;
  token: string;
};

/**
 * Reads `<key>: [{ name, baseUrl, token, … }]` for an outbound provider
 * (Argo CD, Vault): unique names, http(s) base URLs without credentials,
 * non-empty tokens. Every error names the full key and never a token value.
 */
export class InstanceConfigReader {
  constructor(
    private readonly options: {
      /** e.g. 'Argo CD', used in error messages. */
      service: string;
      /** The config key of the list. */
      key: string;
      /** An example base URL for error messages. */
      exampleUrl: string;
    },
  ) {}

  error(key: string, problem: string): Error {
    return new Error(
      `Invalid ${this.options.service} configuration at '${key}': ${problem}`,
    );
  }

  /** Wraps the config reader's own type errors, which never hold values, so they name the key. */
  read<T>(key: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw this.error(
        key,
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  /**
   * Each instance with its common fields validated; `readRest` adds the
   * provider's own fields from the instance config and its key prefix.
   */
  readAll<T>(
    config: Config,
    readRest: (instance: Config, prefix: string, base: BaseInstanceConfig) => T,
  ): T[] {
    const { key } = this.options;
    const instances = this.read(key, () => config.getOptionalConfigArray(key));
    if (!instances) return [];
    const seen = new Map<string, number>();
    return instances.map((instance, index) => {
      const prefix = `${key}[${index}]`;
      const name = this.read(`${prefix}.name`, () =>
        instance.getString('name'),
      ).trim();
      if (!name) throw this.error(`${prefix}.name`, 'must not be empty');
      const previous = seen.get(name);
      if (previous !== undefined) {
        throw this.error(
          `${prefix}.name`,
          `duplicate instance name '${name}' (also used by ${key}[${previous}]); names must be unique`,
        );
      }
      seen.set(name, index);
      const baseUrl = this.baseUrl(
        this.read(`${prefix}.baseUrl`, () => instance.getString('baseUrl')),
        `${prefix}.baseUrl`,
      );
      const token = this.read(`${prefix}.token`, () =>
        instance.getString('token'),
      ).trim();
      if (!token) throw this.error(`${prefix}.token`, 'must not be empty');
      return readRest(instance, prefix, { name, baseUrl, token });
    });
  }

  /** An optional whole number in 1..max, else the fallback. */
  positiveInteger(
    instance: Config,
    field: string,
    prefix: string,
    fallback: number,
    max: number,
  ): number {
    const fullKey = `${prefix}.${field}`;
    const value = this.read(fullKey, () => instance.getOptionalNumber(field));
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw this.error(
        fullKey,
        `must be a whole number between 1 and ${max}, got ${value}`,
      );
    }
    return value;
  }

  private baseUrl(raw: string, key: string): string {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw this.error(
        key,
        `must be an absolute http(s) URL such as ${this.options.exampleUrl}`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw this.error(
        key,
        `must use http or https, got '${url.protocol.replace(/:$/, '')}'`,
      );
    }
    if (url.username || url.password) {
      throw this.error(
        key,
        'must not contain credentials; put the token in "token"',
      );
    }
    if (url.search || url.hash) {
      throw this.error(key, 'must not contain a query string or fragment');
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
}
