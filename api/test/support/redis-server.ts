import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private redis-server the test may stop and start, for fault tests. */
export class ScratchRedis {
  private process?: ChildProcess;

  private constructor(
    readonly port: number,
    /** Where SAVE writes its snapshot, which the next start loads; none when not persistent. */
    private readonly dir?: string,
  ) {}

  static async start(options: { persistent?: boolean } = {}): Promise<ScratchRedis> {
    const dir = options.persistent ? mkdtempSync(join(tmpdir(), 'navaia-redis-')) : undefined;
    const redis = new ScratchRedis(await freePort(), dir);
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        ...(this.dir ? ['--dir', this.dir, '--dbfilename', 'dump.rdb'] : []),
      ],
      { stdio: 'ignore' },
    );
    const client = new Redis({
      port: this.port,
      lazyConnect: true,
      retryStrategy: () => 50,
      maxRetriesPerRequest: null,
    });
    client.on('error', () => undefined);
    await client.ping();
    client.disconnect();
  }

  /** Writes a snapshot now (persistent servers): a restart comes back with this data. */
  async save(): Promise<void> {
    const client = new Redis({ port: this.port, lazyConnect: true });
    await client.save();
    client.disconnect();
  }

  async down(): Promise<void> {
    const exited = new Promise((resolve) => this.process?.once('exit', resolve));
    this.process?.kill('SIGKILL');
    await exited;
  }
}
