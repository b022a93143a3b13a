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

  it('rejects a bad concurrency', () => {
    expect(() =>
      readPluginSettings(
        new ConfigReader({ pragmaticGitops: { scan: { concurrency: 0 } } }),
      ),
    ).toThrow('pragmaticGitops.scan.concurrency');
  });
});
