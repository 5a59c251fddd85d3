import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '@navaia/shared';
import { TenantContext } from '../common/tenancy/tenant-context';
import { TenantService } from '../modules/tenant/tenant.service';
import { UsersService } from '../modules/tenant/users.service';

export const DEMO_LOGIN = { email: 'demo@navaia.dev', password: 'Voice-Portal-2026!' };

const TEAM = [
  { name: 'Sam Agent', email: 'sam@navaia.dev', role: Role.Agent },
  { name: 'Vic Viewer', email: 'vic@navaia.dev', role: Role.Viewer },
];

/** Creates the demo tenant on first start; later starts find it and change nothing. */
export async function seedDemoTenant(app: INestApplicationContext): Promise<typeof DEMO_LOGIN> {
  const logger = new Logger('Seed');
  const dataSource = app.get(DataSource);
  const existing: unknown[] = await dataSource.query('SELECT 1 FROM auth_find_user_by_email($1)', [
    DEMO_LOGIN.email,
  ]);
  if (existing.length) return DEMO_LOGIN;

  const context = app.get(TenantContext);
  const tenants = app.get(TenantService);
  const users = app.get(UsersService);
  await context.run(() =>
    tenants.create('Navaia Demo', async (tenant) => {
      logger.log('Seeding the demo tenant [1/2]: owner');
      const owner = await users.createOwner({ name: 'Demo Owner', ...DEMO_LOGIN });
      context.write('principal', {
        type: 'user',
        id: owner.id,
        tenantId: tenant.id,
        role: Role.Owner,
        mustChangePassword: false,
      });
      logger.log(`Seeding the demo tenant [2/2]: ${TEAM.length} team members`);
      for (const member of TEAM)
        await users.create({ ...member, password: `${DEMO_LOGIN.password}-${member.role}` });
    }),
  );
  logger.log('Demo tenant ready');
  return DEMO_LOGIN;
}
