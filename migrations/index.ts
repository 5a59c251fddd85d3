import { CreateAppRole1795249400000 } from './1795249400000-CreateAppRole';
import { CreateTenancyTables1795249410000 } from './1795249410000-CreateTenancyTables';

/** Every migration, oldest first. Listed explicitly so builds and tests load the same set. */
export const migrations = [CreateAppRole1795249400000, CreateTenancyTables1795249410000];
