import 'reflect-metadata';
import type { ResolvedConfig } from '../../src/app.module';
import { createHttpApp } from '../../src/common/http/http-app';

/**
 * The application in a process of its own, for tests that kill it (SIGKILL: no shutdown hook
 * runs). The parent passes its test configuration; "listening" on stdout means ready.
 */
async function main(): Promise<void> {
  const config = JSON.parse(process.env.NAVAIA_TEST_APP_CONFIG ?? '') as ResolvedConfig;
  const app = await createHttpApp(config);
  await app.listen({ port: config.port, host: '127.0.0.1' });
  process.stdout.write('listening\n');
}

void main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
