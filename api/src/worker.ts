import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppLogger, createPino } from './common/logging/logger';
import { AppModule, ResolvedConfig } from './app.module';
import { AppRole } from './config/config';
import { prepare } from './bootstrap/prepare';

/** A process that consumes queues and serves no HTTP. */
export async function startWorker(
  config: ResolvedConfig,
  stop: () => Promise<void>,
): Promise<void> {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, role: AppRole.Worker }),
    { logger: new AppLogger(createPino(config.logLevel)) },
  );
  app.enableShutdownHooks();
  await app.init();
  process.once('beforeExit', () => void stop());
  new Logger('Navaia').log('Worker started: consuming queues');
}

if (require.main === module) {
  void prepare(new Logger('Navaia')).then(({ config, stop }) => startWorker(config, stop));
}
