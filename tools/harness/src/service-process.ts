import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { harnessEnv, inheritedEnv } from './harness.env';

/** The repository root, from source (tests) or from dist/ (benchmarks). */
export const ROOT = __dirname.includes(`${join('dist', 'tools')}`) ? join(__dirname, '..', '..', '..', '..') : join(__dirname, '..', '..', '..');
export const LOG_DIR = join(ROOT, '.infra', 'test-logs');

export type ServiceName = 'ingest' | 'aggregator' | 'api';

/** One compiled service running as a child process, as in production (tests and benchmarks). */
export class RunningService {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;
  private captured = '';

  constructor(
    readonly name: ServiceName,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logName: string,
  ) {}

  start(): this {
    mkdirSync(LOG_DIR, { recursive: true });
    const log = createWriteStream(join(LOG_DIR, `${this.logName}.log`), { flags: 'a' });
    // Started as in production (scripts/run-service.sh sets the services' Node.js flags);
    // SERVICE_NODE_ARGS adds flags for a run (e.g. --cpu-prof for a benchmark).
    const nodeArgs = harnessEnv().SERVICE_NODE_ARGS.split(' ').filter(Boolean);
    this.child = spawn('bash', [join(ROOT, 'scripts/run-service.sh'), this.name, ...nodeArgs], {
      env: { ...inheritedEnv(), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.pipe(log);
    this.child.stderr!.pipe(log);
    const keep = (chunk: Buffer) => (this.captured = (this.captured + chunk.toString()).slice(-64 * 1024));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => this.child!.once('exit', (code) => resolve(code)));
    return this;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Peak resident set size so far (VmHWM), in MiB; Linux only. */
  peakRssMiB(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.child!.pid}/status`, 'utf8');
      const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return kib ? Number(kib) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** The last 64 KiB the service printed. */
  output(): string {
    return this.captured;
  }

  /** Waits for the service to exit by itself and returns its exit code. */
  exitCode(timeoutMs: number): Promise<number | null> {
    return Promise.race([
      this.exited!,
      new Promise<number | null>((_, reject) =>
        setTimeout(() => reject(new Error(`${this.name} still running after ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
  }

  /** SIGKILL gives the service no chance to finish anything: the crash case. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill(signal);
    await this.exited;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 120_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}
