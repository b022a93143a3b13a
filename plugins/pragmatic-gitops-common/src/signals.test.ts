import { entityStatusSignalChannel } from './signals';

describe('entityStatusSignalChannel', () => {
  it('names one channel per entity, keyed by the full entity ref', () => {
    expect(entityStatusSignalChannel('component:default/payments')).toBe(
      'pragmatic-gitops:entity:component:default/payments',
    );
    // However the ref is spelled, as the catalog compares refs.
    expect(entityStatusSignalChannel('Component:default/Payments')).toBe(
      entityStatusSignalChannel('component:default/payments'),
    );
    expect(entityStatusSignalChannel('component:default/payments')).not.toBe(
      entityStatusSignalChannel('component:default/orders'),
    );
  });
});
