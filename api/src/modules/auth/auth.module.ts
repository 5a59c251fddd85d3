import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TenantModule } from '../tenant/tenant.module';
import { AuthController } from './auth.controller';
import { ApiKeyStrategy } from './api-key.strategy';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';
import { RefreshCookie } from './refresh-cookie';
import { RefreshTokenService } from './refresh-token.service';
import { TokenService } from './token.service';

@Module({
  imports: [PassportModule, JwtModule.register({}), TenantModule],
  controllers: [AuthController],
  providers: [
    ApiKeyStrategy,
    AuthService,
    JwtStrategy,
    LoginThrottle,
    RefreshCookie,
    RefreshTokenService,
    TokenService,
  ],
  exports: [ApiKeyStrategy],
})
export class AuthModule {}
