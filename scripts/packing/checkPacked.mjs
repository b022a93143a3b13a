// What a packed package must hold so that it runs where it is installed.
// Pure: takes what was packed and what the source tree holds, returns the
// problems found, each naming the package and the file.

/** Every string an `exports` entry maps to, however deeply nested. */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(exportTargets);
  }
  return [];
}

const normalize = path => path.replace(/^\.\//, '');

/**
 * Directories the built code reads at run time through
 * `resolvePackagePath('<this package>', '<dir>')`, e.g. migrations.
 */
export function runtimeDirectories(packageName, builtSources) {
  const dirs = new Set();
  const call =
    /resolvePackagePath\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']/g;
  for (const source of builtSources) {
    for (const [, name, dir] of source.matchAll(call)) {
      if (name === packageName) dirs.add(normalize(dir));
    }
  }
  return [...dirs];
}

/**
 * @param {object} pack
 * @param {string} pack.name the package name
 * @param {string[]} pack.files paths inside the tarball, without `package/`
 * @param {object} pack.manifest the packed package.json
 * @param {string[]} pack.sourceFiles files of the package in the repository
 *   (relative to its directory) that must ship: migrations, config.d.ts,
 *   templates
 * @param {boolean} pack.hasAlpha whether the source has an `alpha` entry
 * @param {string[]} pack.runtimeDirs directories the built code reads
 * @returns {string[]} problems; empty when the package is complete
 */
export function checkPacked(pack) {
  const { name, files, manifest } = pack;
  const packed = new Set(files);
  const problems = [];
  const need = (path, why) => {
    if (!packed.has(normalize(path))) {
      problems.push(`${name}: ${why} ${normalize(path)} is not in the package`);
    }
  };

  for (const field of ['main', 'module', 'types']) {
    if (typeof manifest[field] === 'string') {
      need(manifest[field], `"${field}"`);
    }
  }
  for (const [entry, target] of Object.entries(manifest.exports ?? {})) {
    for (const path of exportTargets(target)) {
      need(path, `exports["${entry}"]`);
    }
  }
  for (const [entry, paths] of Object.entries(
    manifest.typesVersions?.['*'] ?? {},
  )) {
    for (const path of paths) need(path, `typesVersions["${entry}"]`);
  }
  if (typeof manifest.configSchema === 'string') {
    need(manifest.configSchema, '"configSchema"');
  }
  for (const path of pack.sourceFiles) need(path, 'run-time file');
  for (const dir of pack.runtimeDirs) {
    if (!files.some(file => file.startsWith(`${dir}/`))) {
      problems.push(
        `${name}: the built code reads ${dir}/ at run time, but the package has no ${dir}/`,
      );
    }
  }

  if (pack.hasAlpha) {
    const alpha = manifest.exports?.['./alpha'];
    if (!alpha) {
      problems.push(
        `${name}: src has an alpha entry but exports has no "./alpha"`,
      );
    } else if (!exportTargets(alpha).some(path => path.endsWith('.d.ts'))) {
      problems.push(`${name}: exports["./alpha"] declares no types`);
    }
    if (!manifest.typesVersions?.['*']?.alpha) {
      problems.push(`${name}: typesVersions has no "alpha" entry`);
    }
  }

  for (const file of files) {
    if (file.startsWith('src/') || /\.test\.[cm]?[jt]sx?$/.test(file)) {
      problems.push(
        `${name}: ${file} is a source or test file and should not ship`,
      );
    }
  }
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(
          `${name}: ${field}.${dep} is still "${range}"; it cannot be installed outside this repository`,
        );
      }
    }
  }
  return problems;
}
