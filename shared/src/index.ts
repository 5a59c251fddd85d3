// DTOs use class-transformer's @Type, which reads design-time metadata in every runtime.
import 'reflect-metadata';

export * from './common/errors';
export * from './common/pagination';
export * from './common/transforms';
export * from './common/validators';
export * from './auth/roles';
export * from './auth/password-policy';
export * from './auth/password.validator';
export * from './auth/auth.dto';
export * from './auth/auth.types';
export * from './tenant/tenant.types';
export * from './tenant/tenant.dto';
export * from './users/users.dto';
