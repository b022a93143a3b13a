/**
 * RFC 6901 JSON pointers: the engine reports every difference as one.
 * Written here (a handful of lines) rather than pulled from a library so the
 * hot path only concatenates strings.
 */

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`. */
export function escapeToken(token: string): string {
  if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
    return token;
  }
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reverses {@link escapeToken}. */
export function unescapeToken(token: string): string {
  if (token.indexOf('~') < 0) {
    return token;
  }
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Appends one token (object key or list index) to a pointer. */
export function appendToken(pointer: string, token: string | number): string {
  return `${pointer}/${typeof token === 'number' ? token : escapeToken(token)}`;
}

/** Builds a pointer from unescaped tokens; `[]` is the root pointer `''`. */
export function formatPointer(tokens: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const token of tokens) {
    pointer = appendToken(pointer, token);
  }
  return pointer;
}

/** Splits a pointer into unescaped tokens; `''` (the root) gives `[]`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  if (!pointer.startsWith('/')) {
    throw new Error(
      `Invalid JSON pointer ${JSON.stringify(pointer)}: must start with "/"`,
    );
  }
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** True when `path` is `ancestor` itself or lies below it. */
export function isSameOrBelow(path: string, ancestor: string): boolean {
  if (ancestor === '') {
    return true;
  }
  return (
    path === ancestor ||
    (path.length > ancestor.length &&
      path.startsWith(ancestor) &&
      path.charCodeAt(ancestor.length) === 47) // '/'
  );
}

/** True when `descendant` lies strictly below `path`. */
export function isStrictlyAbove(path: string, descendant: string): boolean {
  return descendant !== path && isSameOrBelow(descendant, path);
}
