import { entityStatusSignalChannel } from './signals';

describe('entityStatusSignalChannel', () => {
  it('names one channel per entity, keyed by the full entity ref', () => {
    expect(entityStatusSignalChannel('component:default/payments')).toBe(
      'pragmatic-gitops:entity:component:default/payments',
    );
    expect(entityStatusSignalChannel('component:default/payments')).not.toBe(
      entityStatusSignalChannel('component:default/orders'),
    );
  });
});
