import plugin, {
  entityDriftCard,
  entityHotfixesCard,
  entitySecretRefsCard,
  entityGitopsContent,
  fleetOverviewPage,
  fleetRouteRef,
} from './alpha';

describe('pragmatic-gitops alpha plugin', () => {
  it('is the pragmatic-gitops plugin', () => {
    expect(plugin.pluginId).toBe('pragmatic-gitops');
  });

  it('provides the API and the entity track card', () => {
    expect(plugin.getExtension('api:pragmatic-gitops')).toMatchObject({
      kind: 'api',
      namespace: 'pragmatic-gitops',
    });
    expect(
      plugin.getExtension('entity-card:pragmatic-gitops/track'),
    ).toMatchObject({
      kind: 'entity-card',
      namespace: 'pragmatic-gitops',
      name: 'track',
    });
  });

  it('provides the drift card, the GitOps entity tab and the fleet page', () => {
    expect(
      plugin.getExtension('entity-card:pragmatic-gitops/drift'),
    ).toMatchObject({ kind: 'entity-card', name: 'drift' });
    expect(
      plugin.getExtension('entity-content:pragmatic-gitops/gitops'),
    ).toMatchObject({ kind: 'entity-content', name: 'gitops' });
    expect(plugin.getExtension('page:pragmatic-gitops')).toMatchObject({
      kind: 'page',
      namespace: 'pragmatic-gitops',
    });
    expect(plugin.routes).toEqual({ root: fleetRouteRef });
    expect(entityGitopsContent).toMatchObject({
      attachTo: { id: 'page:catalog/entity', input: 'contents' },
    });
    expect(entityDriftCard).toMatchObject({
      attachTo: { id: 'entity-content:catalog/overview', input: 'cards' },
    });
    expect(fleetOverviewPage).toMatchObject({
      attachTo: { id: 'app/routes', input: 'routes' },
    });
  });

  it('provides the hotfixes and secret references cards', () => {
    expect(
      plugin.getExtension('entity-card:pragmatic-gitops/hotfixes'),
    ).toMatchObject({ kind: 'entity-card', name: 'hotfixes' });
    expect(
      plugin.getExtension('entity-card:pragmatic-gitops/secret-refs'),
    ).toMatchObject({ kind: 'entity-card', name: 'secret-refs' });
    for (const card of [entityHotfixesCard, entitySecretRefsCard]) {
      expect(card).toMatchObject({
        attachTo: { id: 'entity-content:catalog/overview', input: 'cards' },
      });
    }
  });
});
