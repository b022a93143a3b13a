/**
 * A JSON pointer into a Terraform resource's attributes, written the way
 * Terraform writes attributes: `/rules/0/action` → `rules[0].action`.
 */
export function terraformAttributeName(path: string): string {
  if (path === '') {
    return '(whole resource)';
  }
  return path
    .split('/')
    .slice(1)
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (name, token) =>
        /^\d+$/.test(token)
          ? `${name}[${token}]`
          : `${name}${name ? '.' : ''}${token}`,
      '',
    );
}
