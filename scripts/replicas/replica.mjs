// One demo backend process (`yarn workspace backend start`) with its own port
// and the shared PostgreSQL configuration, its output kept in memory and in a
// log file, so a run can count what it did (e.g. "Drift scan:" lines).
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class Replica {
  constructor({ name, port, workDir, overrides, repoRoot }) {
    this.name = name;
    this.port = port;
    this.url = `http://localhost:${port}`;
    this.lines = [];
    this.exited = false;
    this.configFile = join(workDir, `${name}.app-config.json`);
    this.logFile = join(workDir, `${name}.log`);
    this.repoRoot = repoRoot;
    writeFileSync(
      this.configFile,
      JSON.stringify(
        {
          ...overrides,
          backend: {
            ...overrides.backend,
            baseUrl: this.url,
            listen: { port },
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
      'yarn',
      [
        'workspace',
        'backend',
        'start',
        '--config',
        join(this.repoRoot, 'app-config.yaml'),
        '--config',
        this.configFile,
      ],
      {
        cwd: this.repoRoot,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' },
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
    this.process.on('exit', () => {
      this.exited = true;
      log.end();
    });
  }

  /** Waits until the plugin's health endpoint answers 200. */
  async ready(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const crash = this.lines.find(({ line }) =>
        /Backend startup failed|EADDRINUSE/.test(line),
      );
      if (crash) {
        throw new Error(`${this.name} failed to start: ${crash.line}`);
      }
      if (this.exited) {
        throw new Error(
          `${this.name} exited during start-up; see ${this.logFile}`,
        );
      }
      try {
        const res = await fetch(`${this.url}/api/pragmatic-gitops/health`);
        const started = this.lines.some(({ line }) =>
          /Plugin initialization complete/.test(line),
        );
        if (res.ok && started) {
          this.readyAt = Date.now();
          return this.readyAt - this.startedAt;
        }
      } catch {
        // not listening yet
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    throw new Error(
      `${this.name} not ready in ${timeoutMs / 1000}s; see ${this.logFile}`,
    );
  }

  /** Times of this replica's log lines matching `pattern`. */
  linesMatching(pattern) {
    return this.lines.filter(({ line }) => pattern.test(line));
  }

  /** kill -9 of the whole process group (yarn, the CLI and the backend). */
  kill9() {
    this.killedAt = Date.now();
    process.kill(-this.process.pid, 'SIGKILL');
  }

  /**
   * SIGTERM to the process group, then SIGKILL to whatever is left of it:
   * the backend child may outlive yarn and keep its port.
   */
  async stop() {
    if (!this.process) return;
    const group = -this.process.pid;
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      return; // the group is gone
    }
    await new Promise(resolve => setTimeout(resolve, 5_000));
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
