#!/usr/bin/env node
// Builds every published package of the workspace (`backstage-cli repo
// build`), packs each with `yarn pack` exactly as a release would, and checks
// that the tarball holds what the package needs where it is installed: its
// entry points, the `./alpha` export with its types, migrations, config.d.ts,
// templates, and no `workspace:` ranges. Packages are discovered from the
// workspace, so new ones are covered without editing this file.
//
//   node scripts/packing/check-packages.mjs [--no-build]
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PackageGraph } from '@backstage/cli-node';
import { extract } from 'tar';
import { checkPacked, runtimeDirectories } from './checkPacked.mjs';

/** Directories and files of a package that must ship when present. */
const RUNTIME_DIRS = ['migrations', 'templates'];
const RUNTIME_FILES = ['config.d.ts'];

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap(entry => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function sourceFilesToShip(packageDir) {
  const inDirs = RUNTIME_DIRS.flatMap(dir => walk(join(packageDir, dir)))
    .map(path => relative(packageDir, path))
    .filter(path => !/\.test\.[cm]?[jt]sx?$/.test(path));
  const files = RUNTIME_FILES.filter(file =>
    existsSync(join(packageDir, file)),
  );
  return [...inDirs, ...files];
}

function hasAlphaEntry(packageDir) {
  return [
    'src/alpha.ts',
    'src/alpha.tsx',
    'src/alpha/index.ts',
    'src/alpha/index.tsx',
  ].some(path => existsSync(join(packageDir, path)));
}

function pack(pkg, outDir) {
  const tarball = join(
    outDir,
    `${pkg.packageJson.name.replace(/[@/]/g, '_')}.tgz`,
  );
  execFileSync('yarn', ['pack', '--out', tarball], {
    cwd: pkg.dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const dir = join(outDir, pkg.packageJson.name.replace(/[@/]/g, '_'));
  mkdirSync(dir);
  extract({ file: tarball, cwd: dir, sync: true });
  const root = join(dir, 'package');
  const files = walk(root).map(path => relative(root, path));
  const builtSources = files
    .filter(file => /^dist\/.*\.[cm]?js$/.test(file))
    .map(file => readFileSync(join(root, file), 'utf8'));
  return {
    files,
    manifest: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')),
    builtSources,
  };
}

const started = Date.now();
const packages = (await PackageGraph.listTargetPackages()).filter(
  pkg => !pkg.packageJson.private,
);
if (!process.argv.includes('--no-build')) {
  execFileSync('yarn', ['backstage-cli', 'repo', 'build'], {
    stdio: 'inherit',
  });
}

const outDir = mkdtempSync(join(tmpdir(), 'check-packages-'));
const problems = [];
try {
  for (const pkg of packages) {
    const name = pkg.packageJson.name;
    const { files, manifest, builtSources } = pack(pkg, outDir);
    const found = checkPacked({
      name,
      files,
      manifest,
      sourceFiles: sourceFilesToShip(pkg.dir),
      hasAlpha: hasAlphaEntry(pkg.dir),
      runtimeDirs: runtimeDirectories(name, builtSources),
    });
    console.log(`${found.length ? '✗' : '✓'} ${name}: ${files.length} files`);
    problems.push(...found);
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length) {
  console.error(`\n${problems.length} packaging problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`${packages.length} packages pack completely (${seconds}s)`);
