import { ConfigReader } from '@backstage/config';
import { readPluginSettings } from './config';

describe('readPluginSettings', () => {
  it('has defaults without any config', () => {
    const settings = readPluginSettings(new ConfigReader({}));
    expect(settings.scan).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 15 },
      concurrency: 8,
    });
    expect(settings.gitopsFieldManagers).toContain('argocd-controller');
    expect(settings.observationsDirectory).toBeUndefined();
    expect(settings.overdueCheckFrequency).toEqual({ minutes: 15 });
  });

  it('reads how often overdue back-ports are checked', () => {
    const settings = readPluginSettings(
      new ConfigReader({
        pragmaticGitops: { hotfixes: { overdueCheckFrequency: 'PT10S' } },
      }),
    );
    expect(settings.overdueCheckFrequency).toEqual({ seconds: 10 });
  });

  it('reads per-kind ignore defaults and the scan schedule', () => {
    const settings = readPluginSettings(
      new ConfigReader({
        pragmaticGitops: {
          observations: { directory: '/var/observations' },
          ignoreDifferences: {
            Deployment: ['/spec/replicas'],
            '*': ['/metadata/labels/team'],
          },
          scan: { frequency: { seconds: 30 }, concurrency: 2 },
        },
      }),
    );
    expect(settings.ignoreDefaults).toEqual(
      expect.arrayContaining([
        { kind: 'Deployment', pointer: '/spec/replicas' },
        { pointer: '/metadata/labels/team' },
      ]),
    );
    expect(settings.scan.frequency).toEqual({ seconds: 30 });
    expect(settings.observationsDirectory).toBe('/var/observations');
  });

  it("ignores provider-computed Terraform attributes by default; config replaces a type's list and adds new types", () => {
    const defaults = readPluginSettings(new ConfigReader({})).ignoreDefaults;
    expect(defaults).toEqual(
      expect.arrayContaining([
        { kind: 'aws_db_instance', pointer: '/latest_restorable_time' },
        { kind: 'aws_lambda_function', pointer: '/last_modified' },
      ]),
    );
    const configured = readPluginSettings(
      new ConfigReader({
        pragmaticGitops: {
          ignoreDifferences: {
            aws_db_instance: ['/latest_restorable_time'],
            aws_lambda_function: [],
            aws_s3_object: ['/version_id'],
          },
        },
      }),
    ).ignoreDefaults;
    expect(configured.filter(r => r.kind === 'aws_db_instance')).toEqual([
      { kind: 'aws_db_instance', pointer: '/latest_restorable_time' },
    ]);
    expect(configured.filter(r => r.kind === 'aws_lambda_function')).toEqual(
      [],
    );
    expect(configured).toEqual(
      expect.arrayContaining([
        { kind: 'aws_s3_object', pointer: '/version_id' },
        { kind: 'aws_eks_cluster', pointer: '/platform_version' },
      ]),
    );
  });

  it('names the key of a bad ignore pointer', () => {
    expect(() =>
      readPluginSettings(
        new ConfigReader({
          pragmaticGitops: {
            ignoreDifferences: { Service: ['spec/clusterIP'] },
          },
        }),
      ),
    ).toThrow(
      'pragmaticGitops.ignoreDifferences.Service: "spec/clusterIP" is not a JSON pointer',
    );
  });

  it('reuses catalog reads for 5 seconds unless configured, 0 turning it off', () => {
    const ttl = (value?: unknown) =>
      readPluginSettings(
        new ConfigReader(
          value === undefined
            ? {}
            : { pragmaticGitops: { catalogReadCache: { ttl: value } } },
        ),
      ).catalogReadCacheTtlMs;
    expect(ttl()).toBe(5000);
    expect(ttl({ seconds: 2 })).toBe(2000);
    expect(ttl('PT10S')).toBe(10000);
    expect(ttl({ seconds: 0 })).toBe(0);
  });

  it.each([['soon'], [{ seconds: -1 }], [{ weeks: 'two' }], [true]])(
    'names the key of a bad catalog read cache TTL (%j)',
    value => {
      expect(() =>
        readPluginSettings(
          new ConfigReader({
            pragmaticGitops: { catalogReadCache: { ttl: value } },
          }),
        ),
      ).toThrow('Invalid pragmaticGitops.catalogReadCache.ttl');
    },
  );

  it('rejects a bad concurrency', () => {
    expect(() =>
      readPluginSettings(
        new ConfigReader({ pragmaticGitops: { scan: { concurrency: 0 } } }),
      ),
    ).toThrow('pragmaticGitops.scan.concurrency');
  });
});
