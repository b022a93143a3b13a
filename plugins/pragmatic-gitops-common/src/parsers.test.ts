import {
  ANNOTATION_IGNORE_DIFFERENCES,
  ANNOTATION_SECRET_REFS,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_TRACK,
} from './annotations';
import { parseIgnoreDifferences } from './ignoreDifferences';
import { parseSecretRefs } from './secretRefs';
import { parseSourceLocation } from './sourceLocation';
import { parseTrack } from './track';

describe('parseTrack', () => {
  it.each([
    ['declarative', 'declarative'],
    ['Operator', 'operator'],
    [' IMPERATIVE ', 'imperative'],
    ['A', 'declarative'],
    ['b', 'operator'],
    ['C', 'imperative'],
  ])('reads %j as %s', (value, expected) => {
    expect(parseTrack(value)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'gitops',
    'D',
    'declarative-ish',
    'constructor',
    '__proto__',
    'toString',
  ])('rejects %j naming the annotation and the value', value => {
    expect(() => parseTrack(value)).toThrow(
      `Invalid annotation ${ANNOTATION_TRACK}: ${JSON.stringify(value)}`,
    );
  });
});

describe('parseSourceLocation', () => {
  it.each([
    [
      'url:https://github.com/org/deploy/tree/main/apps/payments',
      {
        type: 'url',
        target: 'https://github.com/org/deploy/tree/main/apps/payments',
      },
    ],
    [
      'dir:../examples/apps/payments',
      { type: 'dir', target: '../examples/apps/payments' },
    ],
    ['  dir:.  ', { type: 'dir', target: '.' }],
  ])('reads %j', (value, expected) => {
    expect(parseSourceLocation(value)).toEqual(expected);
  });

  it.each([
    ['', 'is not a location reference'],
    ['github:org/repo', 'is not a location reference'],
    ['https://github.com/org/repo', 'is not a location reference'],
    ['url:', 'is not a location reference'],
    ['url:not a url', 'is not an absolute URL'],
    ['url:ftp://example.com/repo', 'is not http(s)'],
  ])('rejects %j', (value, problem) => {
    expect(() => parseSourceLocation(value)).toThrow(
      new RegExp(
        `^Invalid annotation ${ANNOTATION_SOURCE_LOCATION}: .*${problem.replace(
          /[()]/g,
          '\\$&',
        )}`,
      ),
    );
  });
});

describe('parseIgnoreDifferences', () => {
  it('reads plain and scoped pointers, comma- or newline-separated', () => {
    expect(
      parseIgnoreDifferences(
        '/spec/replicas, Deployment:/spec/template/metadata/annotations\nService/web:/spec/clusterIP,/metadata/labels/app.kubernetes.io~1version',
      ),
    ).toEqual([
      { pointer: '/spec/replicas' },
      { kind: 'Deployment', pointer: '/spec/template/metadata/annotations' },
      { kind: 'Service', name: 'web', pointer: '/spec/clusterIP' },
      { pointer: '/metadata/labels/app.kubernetes.io~1version' },
    ]);
  });

  it('reads Terraform resource types and addresses as scopes', () => {
    expect(
      parseIgnoreDifferences(
        'aws_db_instance:/latest_restorable_time, aws_instance/module.web.aws_instance.app["blue"]:/tags/owner, aws_instance/aws_instance.web[0]:/ami',
      ),
    ).toEqual([
      { kind: 'aws_db_instance', pointer: '/latest_restorable_time' },
      {
        kind: 'aws_instance',
        name: 'module.web.aws_instance.app["blue"]',
        pointer: '/tags/owner',
      },
      { kind: 'aws_instance', name: 'aws_instance.web[0]', pointer: '/ami' },
    ]);
  });

  it.each([
    ['', 'is empty'],
    [' , ', 'is empty'],
    ['spec/replicas', 'is not a JSON pointer'],
    ['/spec/~2bad', 'is not a JSON pointer'],
    ['/', 'would ignore the whole object'],
    ['Deployment:', 'is not a JSON pointer'],
    ['Deploy ment:/spec', 'has an invalid scope'],
    ['Deployment/-web:/spec', 'has an invalid scope'],
    ['aws_instance/web x:/tags', 'has an invalid scope'],
  ])('rejects %j', (value, problem) => {
    expect(() => parseIgnoreDifferences(value)).toThrow(
      `Invalid annotation ${ANNOTATION_IGNORE_DIFFERENCES}`,
    );
    expect(() => parseIgnoreDifferences(value)).toThrow(problem);
  });
});

describe('parseSecretRefs', () => {
  it('reads stores, keys with colons, properties and named stores', () => {
    expect(
      parseSecretRefs(
        'vault:kv/payments/db#password,\naws-sm:arn:aws:secretsmanager:eu-west-1:123456789012:secret:payments-db\nvault/prod:kv/edge/cdn',
      ),
    ).toEqual([
      { store: { kind: 'vault' }, key: 'kv/payments/db', property: 'password' },
      {
        store: { kind: 'aws-sm' },
        key: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:payments-db',
      },
      { store: { kind: 'vault', name: 'prod' }, key: 'kv/edge/cdn' },
    ]);
  });

  it.each([
    ['', 'is empty'],
    ['kv/payments/db', 'is not a secret reference'],
    ['vault:', 'is not a secret reference'],
    [':kv/payments', 'is not a secret reference'],
    ['vault:kv/payments#', 'is not a secret reference'],
    ['vault:kv/a#b#c', 'is not a secret reference'],
    ['Vault Store:kv/a', 'is not a secret reference'],
  ])('rejects %j', (value, problem) => {
    expect(() => parseSecretRefs(value)).toThrow(
      `Invalid annotation ${ANNOTATION_SECRET_REFS}`,
    );
    expect(() => parseSecretRefs(value)).toThrow(problem);
  });
});
