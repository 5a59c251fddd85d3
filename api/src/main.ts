import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppRole } from './config/config';
import { prepare } from './bootstrap/prepare';
import { announce } from './bootstrap/announce';
import { seedDemoTenant } from './bootstrap/demo-seed';
import { createHttpApp } from './common/http/http-app';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const logger = new Logger('Navaia');
  const { config, stop } = await prepare(logger);
  if (config.role === AppRole.Worker) {
    await startWorker(config, stop);
    return;
  }
  // Role `all` runs the queue consumers inside this HTTP process.
  const app = await createHttpApp(config);
  const demo = config.seedDemo ? await seedDemoTenant(app) : undefined;
  await app.listen({ port: config.port, host: '0.0.0.0' });
  app.getHttpServer().on('close', () => void stop());
  announce(config, demo);
}

void main();
