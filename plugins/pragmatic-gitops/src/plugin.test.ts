import {
  EntityDriftCard,
  EntityHotfixesCard,
  EntitySecretRefsCard,
  EntityPragmaticGitopsContent,
  EntityTrackCard,
  PragmaticGitopsPage,
  pragmaticGitopsPlugin,
} from './plugin';
import { rootRouteRef } from './routes';

describe('pragmaticGitopsPlugin', () => {
  it('registers the pragmatic-gitops API factory', () => {
    expect(pragmaticGitopsPlugin.getId()).toBe('pragmatic-gitops');
    expect(
      [...pragmaticGitopsPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.pragmatic-gitops.service']);
  });

  it('exposes the fleet page under its root route', () => {
    expect(pragmaticGitopsPlugin.routes).toEqual({ root: rootRouteRef });
    expect(String(rootRouteRef)).toContain('pragmatic-gitops');
  });

  it('provides the page, the entity tab and the cards as extensions', () => {
    for (const extension of [
      PragmaticGitopsPage,
      EntityPragmaticGitopsContent,
      EntityDriftCard,
      EntityTrackCard,
      EntityHotfixesCard,
      EntitySecretRefsCard,
    ]) {
      expect(typeof extension).toBe('function');
    }
  });
});
