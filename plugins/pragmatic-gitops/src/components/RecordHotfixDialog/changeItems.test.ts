import {
  addManualChange,
  ChangeItem,
  itemsFromDrift,
  removeItem,
  toggleItem,
  togglePath,
  toHotfixChanges,
} from './changeItems';

const deployment: ChangeItem = {
  key: 'Deployment/payments/api',
  kind: 'Deployment',
  namespace: 'payments',
  name: 'api',
  selected: true,
  paths: [
    { path: '/spec/replicas', selected: true },
    { path: '/spec/template/spec/containers/0/image', selected: false },
  ],
};

describe('changeItems', () => {
  it('takes resources that are not in sync, once per field', () => {
    const items = itemsFromDrift([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: 'cluster-wide',
        status: 'missing',
        differences: [],
        ignored: [],
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'payments',
        name: 'api',
        status: 'in-sync',
        differences: [],
        ignored: [],
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'payments',
        name: 'api',
        status: 'drifted',
        differences: [
          { path: '/spec/replicas', explainedBy: 'HF-2' },
          { path: '/spec/replicas', explainedBy: 'HF-2' },
        ],
        ignored: [],
      },
    ]);

    expect(items).toEqual([
      expect.objectContaining({
        key: 'ConfigMap//cluster-wide',
        selected: true,
        paths: [],
      }),
      expect.objectContaining({
        key: 'Deployment/payments/api',
        selected: false,
        paths: [
          { path: '/spec/replicas', selected: false, explainedBy: 'HF-2' },
        ],
      }),
    ]);
  });

  it('sends checked fields, or the whole resource when none is checked', () => {
    const items = [deployment, { ...deployment, key: 'x', name: 'x' }];
    const none = togglePath(items, 'x', '/spec/replicas');

    expect(toHotfixChanges(none)).toEqual([
      {
        kind: 'Deployment',
        namespace: 'payments',
        name: 'api',
        paths: ['/spec/replicas'],
      },
      { kind: 'Deployment', namespace: 'payments', name: 'x' },
    ]);
    expect(toHotfixChanges(toggleItem(items, deployment.key))).toHaveLength(1);
    expect(toHotfixChanges(removeItem(items, 'x'))).toHaveLength(1);
  });

  it('checks the resource of a field that gets checked', () => {
    const unchecked = [{ ...deployment, selected: false }];
    const [item] = togglePath(
      unchecked,
      deployment.key,
      '/spec/template/spec/containers/0/image',
    );
    expect(item.selected).toBe(true);
    expect(item.paths.every(path => path.selected)).toBe(true);
  });

  it('adds a resource by hand, or new fields to one already listed', () => {
    const added = addManualChange([deployment], {
      kind: ' Secret ',
      namespace: '',
      name: 'db',
      paths: '/data/a, ,/data/a',
    });
    expect(added[1]).toEqual({
      key: 'Secret//db',
      kind: 'Secret',
      namespace: undefined,
      name: 'db',
      selected: true,
      paths: [{ path: '/data/a', selected: true }],
      manual: true,
    });

    const merged = addManualChange([{ ...deployment, selected: false }], {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'api',
      paths: '/spec/template/spec/containers/0/image, /metadata/labels/x',
    });
    expect(merged).toHaveLength(1);
    expect(merged[0].selected).toBe(true);
    expect(merged[0].paths).toEqual([
      { path: '/spec/replicas', selected: true },
      { path: '/spec/template/spec/containers/0/image', selected: true },
      { path: '/metadata/labels/x', selected: true },
    ]);
  });
});
