import { addedEntryName } from './differenceName';

const CONTAINER = '/spec/template/spec/containers/0';

describe('addedEntryName', () => {
  it('names an added env entry by its key', () => {
    expect(
      addedEntryName({
        path: `${CONTAINER}/env/-`,
        live: { name: 'FEATURE_FAST_REFUNDS', value: 'true' },
      }),
    ).toBe('env FEATURE_FAST_REFUNDS added');
  });

  it('names a masked entry by its key too, which is not secret', () => {
    expect(
      addedEntryName({
        path: `${CONTAINER}/env/-`,
        live: { name: 'DB_PASSWORD' },
        masked: true,
      }),
    ).toBe('env DB_PASSWORD added');
  });

  it('names ports and keyless entries', () => {
    expect(
      addedEntryName({
        path: `${CONTAINER}/ports/-`,
        live: { containerPort: 9090 },
      }),
    ).toBe('ports 9090 added');
    expect(addedEntryName({ path: '/spec/args/-' })).toBe('args entry added');
  });

  it('leaves other pointers alone', () => {
    expect(addedEntryName({ path: '/spec/replicas', live: 3 })).toBeUndefined();
    expect(
      addedEntryName({ path: `${CONTAINER}/env/2`, live: {} }),
    ).toBeUndefined();
  });
});
