import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPacked, runtimeDirectories } from './checkPacked.mjs';

const NAME = '@pragmatic-gitops/plugin-example';

/** A frontend plugin packed the way `backstage-cli package prepack` leaves it. */
function complete() {
  return {
    name: NAME,
    files: [
      'package.json',
      'config.d.ts',
      'dist/index.esm.js',
      'dist/index.d.ts',
      'dist/alpha.esm.js',
      'dist/alpha.d.ts',
      'migrations/20260101_init.js',
    ],
    manifest: {
      name: NAME,
      main: 'dist/index.esm.js',
      types: 'dist/index.d.ts',
      configSchema: 'config.d.ts',
      exports: {
        '.': { import: './dist/index.esm.js', types: './dist/index.d.ts' },
        './alpha': {
          import: './dist/alpha.esm.js',
          types: './dist/alpha.d.ts',
        },
        './package.json': './package.json',
      },
      typesVersions: { '*': { alpha: ['dist/alpha.d.ts'] } },
      dependencies: { '@backstage/core-plugin-api': '^1.13.0' },
    },
    sourceFiles: ['migrations/20260101_init.js', 'config.d.ts'],
    hasAlpha: true,
    runtimeDirs: ['migrations'],
  };
}

describe('checkPacked', () => {
  it('finds nothing wrong with a complete package', () => {
    assert.deepEqual(checkPacked(complete()), []);
  });

  it('names a migration that was left out', () => {
    const pack = complete();
    pack.files = pack.files.filter(file => !file.startsWith('migrations/'));
    assert.deepEqual(checkPacked(pack), [
      `${NAME}: run-time file migrations/20260101_init.js is not in the package`,
      `${NAME}: the built code reads migrations/ at run time, but the package has no migrations/`,
    ]);
  });

  it('names an entry point whose file is missing', () => {
    const pack = complete();
    pack.files = pack.files.filter(file => file !== 'dist/alpha.d.ts');
    assert.deepEqual(checkPacked(pack), [
      `${NAME}: exports["./alpha"] dist/alpha.d.ts is not in the package`,
      `${NAME}: typesVersions["alpha"] dist/alpha.d.ts is not in the package`,
    ]);
  });

  it('wants an ./alpha export with types when the source has one', () => {
    const pack = complete();
    delete pack.manifest.exports['./alpha'];
    delete pack.manifest.typesVersions;
    assert.deepEqual(checkPacked(pack), [
      `${NAME}: src has an alpha entry but exports has no "./alpha"`,
      `${NAME}: typesVersions has no "alpha" entry`,
    ]);
  });

  it('names a missing config schema', () => {
    const pack = complete();
    pack.files = pack.files.filter(file => file !== 'config.d.ts');
    assert.deepEqual(checkPacked(pack), [
      `${NAME}: "configSchema" config.d.ts is not in the package`,
      `${NAME}: run-time file config.d.ts is not in the package`,
    ]);
  });

  it('refuses workspace ranges and shipped sources', () => {
    const pack = complete();
    pack.manifest.dependencies['@pragmatic-gitops/common'] = 'workspace:^';
    pack.files.push('src/index.ts');
    assert.deepEqual(checkPacked(pack), [
      `${NAME}: src/index.ts is a source or test file and should not ship`,
      `${NAME}: dependencies.@pragmatic-gitops/common is still "workspace:^"; it cannot be installed outside this repository`,
    ]);
  });
});

describe('runtimeDirectories', () => {
  it('finds the directories the built code resolves inside its own package', () => {
    const built = [
      `const dir = backendPluginApi.resolvePackagePath(
  "${NAME}",
  "migrations"
);`,
      `resolvePackagePath('@backstage/other', 'assets')`,
    ];
    assert.deepEqual(runtimeDirectories(NAME, built), ['migrations']);
  });
});
