import { terraformAttributeName } from './terraformAttribute';

describe('terraformAttributeName', () => {
  it.each([
    ['/ttl', 'ttl'],
    ['/rules/0/action', 'rules[0].action'],
    ['/tags/team~1owner', 'tags.team/owner'],
    ['', '(whole resource)'],
  ])('names %j as %j', (path, name) => {
    expect(terraformAttributeName(path)).toBe(name);
  });
});
