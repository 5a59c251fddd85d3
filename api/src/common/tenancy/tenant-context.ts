import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import type { AppClsStore } from './cls-store';
import type { Principal } from './principal';

export class TenantContextMissingError extends Error {
  constructor(what: string) {
    super(`${what} is not set: this code must run inside a tenant context`);
  }
}

/**
 * The one accessor for "which tenant is this". It throws when nothing is set, so code
 * that forgets to enter a tenant context fails instead of acting on no or all tenants.
 */
@Injectable()
export class TenantContext {
  // Untyped on purpose: nestjs-cls's typed paths recurse through EntityManager's type.
  constructor(private readonly cls: ClsService) {}

  read<K extends keyof AppClsStore>(key: K): AppClsStore[K] | undefined {
    return this.cls.isActive() ? (this.cls.get(key) as AppClsStore[K]) : undefined;
  }

  write<K extends keyof AppClsStore>(key: K, value: AppClsStore[K]): void {
    this.cls.set(key, value);
  }

  /** Runs `work` in a child context that starts with a copy of the current one. */
  run<T>(work: () => T): T {
    return this.cls.run({ ifNested: 'inherit' }, work);
  }

  get tenantId(): string {
    const id = this.read('tenantId');
    if (!id) throw new TenantContextMissingError('tenant');
    return id;
  }

  get principal(): Principal {
    const principal = this.read('principal');
    if (!principal) throw new TenantContextMissingError('principal');
    return principal;
  }

  /** The principal when there is one (audit entries of system jobs have none). */
  get optionalPrincipal(): Principal | undefined {
    return this.read('principal');
  }

  get requestId(): string | undefined {
    return this.read('requestId');
  }
}
