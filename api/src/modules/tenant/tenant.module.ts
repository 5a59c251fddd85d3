import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher';
import { TenantController } from './tenant.controller';
import { TenantService } from './tenant.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [TenantController, UsersController],
  providers: [TenantService, UsersService, PasswordHasher],
  exports: [TenantService, UsersService, PasswordHasher],
})
export class TenantModule {}
