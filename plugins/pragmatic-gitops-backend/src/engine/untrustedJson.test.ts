import { managedFieldsOwner } from './managedFields';
import { findUntrustedJsonProblem } from './untrustedJson';

describe('findUntrustedJsonProblem', () => {
  it('names the first prototype key in document order, with its pointer', () => {
    const document = JSON.parse(
      '{"a":[{"ok":1},{"b":{"__proto__":{"x":1}}}],"c":{"constructor":1}}',
    );
    expect(findUntrustedJsonProblem(document)).toBe(
      '/a/1/b/__proto__: the key "__proto__" is not allowed',
    );
  });

  it('bounds nesting without recursing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUntrustedJsonProblem(deep)).toMatch(
      /^\/0\/0.*\/0 is nested deeper than 64 levels$/,
    );
    expect(findUntrustedJsonProblem({ a: { b: [1, 'x', null] } })).toBe(
      undefined,
    );
  });
});

describe('managedFieldsOwner on hostile field sets', () => {
  it('merges the managers of a live object without touching Object.prototype', () => {
    const fieldsV1 = JSON.parse(
      '{"f:spec":{"f:replicas":{}},"__proto__":{"polluted":{"f:x":{}}},"constructor":{"f:y":{}}}',
    );
    const owner = managedFieldsOwner(
      [
        { manager: 'argocd-controller', fieldsV1 },
        { manager: 'kubectl', fieldsV1 },
      ],
      new Set(['argocd-controller', 'kubectl']),
    );
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(owner?.fieldKeys()).toEqual(['spec']);
    expect(owner?.field('spec')?.fieldKeys()).toEqual(['replicas']);
    expect(owner?.field('constructor')).toBeUndefined();
  });
});
