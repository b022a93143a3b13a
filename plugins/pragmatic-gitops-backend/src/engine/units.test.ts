/** Unit tables for the small building blocks of the engine. */
import {
  appendToken,
  formatPointer,
  isSameOrBelow,
  parsePointer,
} from './jsonPointer';
import { chooseListKey } from './listKeys';
import { canonicalGroup, matchResources } from './matchResources';
import {
  migrationId,
  naturalCompare,
  notAppliedMigrations,
} from './migrations';
import { parseQuantity, quantitiesEqual } from './quantities';
import { IgnoreRuleSet, formatRule } from './ignoreRules';
import { KubeObject } from './types';
import { isDeepEmpty, isEmpty, looseScalarEqual } from './values';

describe('quantities', () => {
  it.each([
    ['1000m', '1', true],
    [1, '1000m', true],
    ['0.5', '500m', true],
    [0.5, '500m', true],
    ['1Gi', '1024Mi', true],
    ['0.5Gi', '512Mi', true],
    ['1G', '1000M', true],
    ['1e3', '1k', true],
    ['1E', '1000P', true],
    ['100Mi', '100M', false],
    ['1Gi', '1G', false],
    ['250m', '0.2', false],
    ['abc', 'abc', false],
    ['1.5', '1500m', true],
    ['0.1', '100m', true],
  ])('%p equals %p: %p', (a, b, expected) => {
    expect(quantitiesEqual(a, b)).toBe(expected);
  });

  it('rejects what is not a quantity', () => {
    expect(parseQuantity('12 Gi')).toBeUndefined();
    expect(parseQuantity('Gi')).toBeUndefined();
    expect(parseQuantity(Number.NaN)).toBeUndefined();
    expect(parseQuantity({})).toBeUndefined();
    expect(parseQuantity('1e999999')).toBeUndefined();
  });

  it('applies only under quantity keys (a label value "1000m" is not "1")', () => {
    // Exercised through the engine in computeDrift.test.ts; here the building block:
    expect(looseScalarEqual('1000m', '1')).toBe(false);
  });
});

describe('values', () => {
  it.each([
    [undefined, true],
    [null, true],
    ['', true],
    [[], true],
    [{}, true],
    [0, false],
    [false, false],
    [[{}], false],
    [{ a: {} }, false],
  ])('isEmpty(%p) is %p', (value, expected) => {
    expect(isEmpty(value)).toBe(expected);
  });

  it('isDeepEmpty looks into objects, not lists', () => {
    expect(isDeepEmpty({ a: {}, b: null, c: '' })).toBe(true);
    expect(isDeepEmpty({ a: { b: [1] } })).toBe(false);
    expect(isDeepEmpty([{}])).toBe(false);
  });

  it.each([
    [8080, '8080', true],
    ['3', 3, true],
    [true, 'true', false],
    ['08', 8, true],
    [' 8', 8, false],
    ['a', 'b', false],
  ])('looseScalarEqual(%p, %p) is %p', (a, b, expected) => {
    expect(looseScalarEqual(a, b)).toBe(expected);
  });
});

describe('jsonPointer', () => {
  it('escapes ~ and / (RFC 6901)', () => {
    expect(appendToken('/metadata/labels', 'app.kubernetes.io/name')).toBe(
      '/metadata/labels/app.kubernetes.io~1name',
    );
    expect(formatPointer(['a~b', 'c/d', 0])).toBe('/a~0b/c~1d/0');
    expect(parsePointer('/a~0b/c~1d/0')).toEqual(['a~b', 'c/d', '0']);
    expect(parsePointer('')).toEqual([]);
    expect(() => parsePointer('no-slash')).toThrow(/JSON pointer/);
  });

  it.each([
    ['/spec/replicas', '/spec/replicas', true],
    ['/spec/replicas/x', '/spec/replicas', true],
    ['/spec/replicasX', '/spec/replicas', false],
    ['/spec', '/spec/replicas', false],
    ['/anything', '', true],
  ])('%p is same or below %p: %p', (path, ancestor, expected) => {
    expect(isSameOrBelow(path, ancestor)).toBe(expected);
  });
});

describe('listKeys', () => {
  const keyOf = (field: string, desired: unknown[], live: unknown[] = []) => {
    const key = chooseListKey(field, desired, live);
    return key ? desired.map(key) : undefined;
  };

  it.each([
    ['containers', [{ name: 'a' }, { name: 'b' }], [], ['a', 'b']],
    ['env', [{ name: 'X', value: '1' }], [], ['X']],
    ['volumeMounts', [{ name: 'v', mountPath: '/data' }], [], ['/data']],
    [
      'ports',
      [{ containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }],
      [],
      ['8080/TCP', '53/UDP'],
    ],
    [
      'ports',
      [{ name: 'http', containerPort: 8080 }],
      [{ name: 'http', containerPort: 8080 }],
      ['http'],
    ],
    ['ports', [{ port: 80, targetPort: 8080 }], [], ['80/TCP']],
    [
      'ports',
      [{ name: 'web', port: 80 }],
      [{ name: 'web', port: 80 }],
      ['web'],
    ],
    [
      'envFrom',
      [
        { configMapRef: { name: 'c' } },
        { secretRef: { name: 's' }, prefix: 'S_' },
      ],
      [],
      ['configMap:c|', 'secret:s|S_'],
    ],
    ['roles', [{ name: 'reporting' }], [{ name: 'x' }], ['reporting']],
    ['args', ['--a', '--b'], [], undefined],
    ['tolerations', [{ key: 'k', operator: 'Exists' }], [], undefined],
    ['containers', [{ name: 'a' }, { name: 'a' }], [], undefined],
  ])('%p list %j is keyed %j', (field, desired, live, expected) => {
    expect(
      keyOf(field as string, desired as unknown[], live as unknown[]),
    ).toEqual(expected);
  });
});

describe('matchResources', () => {
  const object = (
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): KubeObject => ({
    apiVersion,
    kind,
    metadata: namespace ? { name, namespace } : { name },
  });

  it('indexes live objects and reports unmatched ones', () => {
    const live = [
      object('apps/v1', 'Deployment', 'web', 'a'),
      object('v1', 'Namespace', 'a'),
      object('v1', 'ConfigMap', 'x', 'a'),
    ];
    const { matches, unmatchedLive } = matchResources(
      [
        object('apps/v1beta2', 'Deployment', 'web'),
        object('v1', 'Namespace', 'a'),
        object('v1', 'Secret', 'gone'),
      ],
      live,
      'a',
    );
    expect(
      matches.map(m => [m.desired.kind, m.live?.metadata.name, m.namespace]),
    ).toEqual([
      ['Deployment', 'web', 'a'],
      ['Namespace', 'a', undefined],
      ['Secret', undefined, 'a'],
    ]);
    expect(unmatchedLive.map(o => o.metadata.name)).toEqual(['x']);
  });

  it('treats moved groups as the same object', () => {
    expect(canonicalGroup('extensions/v1beta1', 'Deployment')).toBe('apps');
    expect(canonicalGroup('extensions/v1beta1', 'Ingress')).toBe(
      'networking.k8s.io',
    );
    expect(canonicalGroup('v1', 'Service')).toBe('');
  });
});

describe('migrations', () => {
  it('sorts naturally', () => {
    expect(['V10', 'V2', 'V1', 'V1_1', 'V100'].sort(naturalCompare)).toEqual([
      'V1',
      'V1_1',
      'V2',
      'V10',
      'V100',
    ]);
  });

  it.each([
    ['V2__add_refunds.sql', '2'],
    ['V002__x', '2'],
    ['V1_2__x.sql', '1.2'],
    ['2', '2'],
    ['000001_init.up.sql', '1'],
    ['R__refresh_views.sql', 'R__refresh_views'],
  ])('migrationId(%p) is %p', (name, id) => {
    expect(migrationId(name)).toBe(id);
  });

  it('keeps the first spelling of a pending migration', () => {
    expect(notAppliedMigrations(['V3__c.sql', 'V3', 'V2'], ['2'])).toEqual([
      'V3__c.sql',
    ]);
  });
});

describe('ignore rules', () => {
  it('formats rules as the annotation writes them', () => {
    expect(formatRule({ pointer: '/spec/replicas' })).toBe('/spec/replicas');
    expect(formatRule({ kind: 'Deployment', pointer: '/spec/replicas' })).toBe(
      'Deployment:/spec/replicas',
    );
    expect(
      formatRule({
        kind: 'Deployment',
        name: 'web',
        pointer: '/spec/replicas',
      }),
    ).toBe('Deployment/web:/spec/replicas');
  });

  it('selects rules by kind (case-sensitive) and name', () => {
    const rules = new IgnoreRuleSet([
      { pointer: '/a' },
      { kind: 'Deployment', pointer: '/b' },
      { kind: 'Deployment', name: 'web', pointer: '/c' },
      { kind: 'deployment', pointer: '/d' },
    ]);
    expect(rules.forObject('Deployment', 'web').map(r => r.pointer)).toEqual([
      '/a',
      '/b',
      '/c',
    ]);
    expect(rules.forObject('Deployment', 'api').map(r => r.pointer)).toEqual([
      '/a',
      '/b',
    ]);
    expect(rules.forObject('Service', 'web').map(r => r.pointer)).toEqual([
      '/a',
    ]);
  });
});
