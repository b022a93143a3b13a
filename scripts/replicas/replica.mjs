// One demo backend process with its own port and the shared PostgreSQL
// configuration, its output kept in memory and in a log file, so a run can
// count what it did (e.g. "Drift scan:" lines).
//
// It runs packages/backend/src/index.ts the way `yarn workspace backend
// start` does (Node with the Backstage CLI's TypeScript transform, in
// packages/backend, NODE_ENV=development) minus yarn, the CLI process and its
// file watcher: one process per replica, several seconds less start-up, and
// kill -9 hits the backend itself.
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const nodeTransform = createRequire(import.meta.url).resolve(
  '@backstage/cli-node/config/nodeTransform.cjs',
);
export class Replica {
  constructor({ name, port, workDir, repoRoot, nodeArgs }) {
    this.name = name;
    this.port = port;
    this.url = `http://localhost:${port}`;
    this.lines = [];
    this.exited = false;
    this.configFile = join(workDir, `${name}.app-config.json`);
    this.logFile = join(workDir, `${name}.log`);
    this.repoRoot = repoRoot;
    this.nodeArgs = nodeArgs;
  }

  /** Writes this replica's config overlay: `overrides` plus its own port. */
  configure(overrides) {
    writeFileSync(
      this.configFile,
      JSON.stringify(
        {
          ...overrides,
          backend: {
            ...overrides.backend,
            baseUrl: this.url,
            listen: { port: this.port },
          },
        },
        null,
        2,
      ),
    );
  }

  start() {
    const log = createWriteStream(this.logFile);
    this.startedAt = Date.now();
    this.process = spawn(
      process.execPath,
      [
        '--enable-source-maps',
        '--require',
        nodeTransform,
        ...(this.nodeArgs ?? []),
        'src/index.ts',
        '--config',
        join(this.repoRoot, 'app-config.yaml'),
        '--config',
        this.configFile,
      ],
      {
        cwd: join(this.repoRoot, 'packages/backend'),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_ENV: 'development',
          FORCE_COLOR: '0',
          // Node's on-disk cache of compiled modules, written when a replica
          // exits normally: start-up takes about half as long from the
          // second run on.
          NODE_COMPILE_CACHE: join(
            this.repoRoot,
            'node_modules/.cache/pragmatic-gitops-replicas',
          ),
        },
      },
    );
    let partial = '';
    const onData = chunk => {
      log.write(chunk);
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop();
      const at = Date.now();
      for (const line of lines) this.lines.push({ at, line });
    };
    this.process.stdout.on('data', onData);
    this.process.stderr.on('data', onData);
    this.exit = new Promise(resolve =>
      this.process.on('exit', () => {
        this.exited = true;
        log.end();
        resolve();
      }),
    );
  }

  /** Resolves once the backend logs that every plugin has initialized. */
  async initialized(timeoutMs) {
    await this.waitFor(
      () => this.linesMatching(/Plugin initialization complete/).length > 0,
      timeoutMs,
      'initialized',
    );
  }

  /** Waits until initialized and the plugin's health endpoint answers 200; the start-up time. */
  async ready(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    await this.initialized(timeoutMs);
    await this.waitFor(
      async () => {
        const res = await fetch(`${this.url}/api/pragmatic-gitops/health`);
        return res.ok;
      },
      deadline - Date.now(),
      'ready',
    );
    this.readyAt = Date.now();
    return this.readyAt - this.startedAt;
  }

  /** Polls `condition` every 100 ms; throws when the process failed or time ran out. */
  async waitFor(condition, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const crash = this.startupFailure();
      if (crash) throw new Error(`${this.name} failed to start: ${crash}`);
      if (this.exited) {
        throw new Error(
          `${this.name} exited during start-up; see ${this.logFile}`,
        );
      }
      if (await Promise.resolve(condition()).catch(() => false)) return;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(
      `${this.name} not ${what} in ${timeoutMs / 1000}s; see ${this.logFile}`,
    );
  }

  /** The log line saying start-up failed, if any. */
  startupFailure() {
    return this.lines.find(({ line }) =>
      /Backend startup failed|EADDRINUSE/.test(line),
    )?.line;
  }

  /** Times of this replica's log lines matching `pattern`. */
  linesMatching(pattern) {
    return this.lines.filter(({ line }) => pattern.test(line));
  }

  /** kill -9 of the process group (the backend and anything it started). */
  kill9() {
    this.killedAt = Date.now();
    this.signal('SIGKILL');
  }

  /** Synchronous last resort, e.g. from an 'exit' handler. */
  killNow() {
    if (this.process && !this.exited) this.signal('SIGKILL');
  }

  /** SIGTERM, then SIGKILL of whatever is left after `graceMs`. */
  async stop(graceMs = 5_000) {
    if (!this.process) return;
    if (!this.exited) {
      this.signal('SIGTERM');
      await Promise.race([
        this.exit,
        new Promise(resolve => setTimeout(resolve, graceMs)),
      ]);
    }
    // The group may hold children that outlived the backend.
    this.signal('SIGKILL');
  }

  signal(name) {
    try {
      process.kill(-this.process.pid, name);
    } catch {
      // the group is gone
    }
  }
}
