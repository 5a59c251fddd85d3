import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { runtimeDataSourceOptions } from './data-source';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor';
import { TenantDb } from './tenant-db';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(runtimeDataSourceOptions(url))],
      providers: [TenantDb, TenantTransactionInterceptor],
      exports: [TenantDb, TenantTransactionInterceptor],
    };
  }
}
