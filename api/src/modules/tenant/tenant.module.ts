import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher';
import { TokenVersions } from '../auth/token-versions';
import { ApiKeySecrets } from './api-key-secret';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { TenantController } from './tenant.controller';
import { TenantService } from './tenant.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [TenantController, UsersController, ApiKeysController],
  providers: [
    TenantService,
    UsersService,
    PasswordHasher,
    TokenVersions,
    ApiKeysService,
    ApiKeySecrets,
  ],
  exports: [TenantService, UsersService, PasswordHasher, TokenVersions, ApiKeySecrets],
})
export class TenantModule {}
