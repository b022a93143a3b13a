import plugin from './alpha';

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
});
