/** A secret (or, with `folder`, a folder of secrets) in a KV version 2 mount. */
export type KvLocation = { mount: string; path: string; folder: boolean };

/** True when a path segment holds a control character (never valid in a URL path). */
export function hasControlCharacter(value: string): boolean {
  return [...value].some(
    c => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f,
  );
}

/**
 * Splits a reference key into a KV v2 mount and the secret's path, using the
 * instance's mounts (longest first): `kv/data/payments/db` and
 * `kv/payments/db` both give mount `kv`, path `payments/db`. A key ending in
 * `/` names a folder. Undefined when the key is under none of the mounts or
 * its path is empty or holds `.`/`..`/empty segments.
 */
export function splitKvKey(
  key: string,
  kvMounts: string[],
): KvLocation | undefined {
  const trimmed = key.trim().replace(/^\/+/, '');
  const folder = trimmed.endsWith('/');
  const mount = [...kvMounts]
    .sort((a, b) => b.length - a.length)
    .find(m => trimmed.startsWith(`${m}/`));
  if (!mount) return undefined;
  const path = trimmed
    .slice(mount.length + 1)
    .replace(/^(data|metadata)\//, '')
    .replace(/\/+$/, '');
  const segments = path.split('/');
  if (
    !path ||
    segments.some(s => !s || s === '.' || s === '..' || hasControlCharacter(s))
  ) {
    return undefined;
  }
  return { mount, path, folder };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * `{baseUrl}/v1/{mount}/metadata/{path}` (a folder: `…/{path}/?list=true`).
 * Only the metadata endpoint is ever built: never `/data/`. Throws if the
 * result would leave that endpoint.
 */
export function metadataUrl(baseUrl: string, location: KvLocation): string {
  const prefix = `${baseUrl}/v1/${encodePath(location.mount)}/metadata/`;
  const expected = `${prefix}${encodePath(location.path)}${
    location.folder ? '/?list=true' : ''
  }`;
  const url = new URL(expected);
  const base = new URL(prefix);
  if (
    url.origin !== base.origin ||
    !url.pathname.startsWith(base.pathname) ||
    url.pathname.length <= base.pathname.length ||
    url.hash ||
    url.href !== expected
  ) {
    throw new Error('Vault secret path cannot be used in a request');
  }
  return url.href;
}
