/**
 * `npm run operator -- grant|revoke <email>` and `npm run operator -- list`
 *
 * Platform operators see and reprocess webhook events that belong to no tenant. The right is
 * granted here, by someone with access to the database, to one existing user; each grant and
 * revocation is written to that user's tenant's audit log.
 */
import { userInfo } from 'node:os';
import type { Client } from 'pg';
import { loadConfig, readEnvironment } from '../config/config';
import {
  auditAsSystem,
  connectAdminDatabase,
  consoleOutput,
  inTransaction,
  Output,
  reportStop,
  runAsMain,
  Stop,
} from './admin-database';

const USAGE = `Usage: npm run operator -- grant <email> | revoke <email> | list

  grant <email>    let this existing user see and reprocess unmatched webhook events
  revoke <email>   take the right away again
  list             the current operators
`;

type Command =
  { action: 'grant' | 'revoke'; email: string } | { action: 'list' } | { action: 'help' };

export function parseOperatorArgs(argv: string[]): Command {
  const [action, email, ...rest] = argv;
  if (!action || action === '--help' || action === '-h') return { action: 'help' };
  if (rest.length) throw new Stop(`Unexpected ${rest.join(' ')}; see --help`);
  if (action === 'list') {
    if (email) throw new Stop('list takes no email; see --help');
    return { action };
  }
  if (action !== 'grant' && action !== 'revoke')
    throw new Stop(`Unknown command ${action}; see --help`);
  if (!email || !email.includes('@')) throw new Stop(`${action} needs the user's email`);
  return { action, email: email.trim().toLowerCase() };
}

interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
}

async function findUser(db: Client, email: string): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, tenant_id, email, name FROM users WHERE email = $1',
    [email],
  );
  if (!rows[0]) throw new Stop(`No user has the email ${email}.`);
  return rows[0];
}

/** Changes the grant and writes the audit entry in one transaction; false if nothing changed. */
async function change(
  db: Client,
  action: 'grant' | 'revoke',
  user: UserRow,
  by: string,
): Promise<boolean> {
  return inTransaction(db, async () => {
    const { rowCount } =
      action === 'grant'
        ? await db.query(
            `INSERT INTO platform_operators (user_id, granted_by) VALUES ($1, $2)
             ON CONFLICT (user_id) DO NOTHING`,
            [user.id, by],
          )
        : await db.query('DELETE FROM platform_operators WHERE user_id = $1', [user.id]);
    if (rowCount) {
      const grant = { email: user.email, by };
      await auditAsSystem(db, {
        tenantId: user.tenant_id,
        action: action === 'grant' ? 'create' : 'delete',
        entityType: 'platform_operator',
        entityId: user.id,
        before: action === 'grant' ? null : grant,
        after: action === 'grant' ? grant : null,
      });
    }
    return Boolean(rowCount);
  });
}

/** The whole command; takes the environment so a test can run it against a test database. */
export async function runOperator(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: Output = consoleOutput,
  grantedBy = `${userInfo().username} (command line)`,
): Promise<number> {
  let close = async () => undefined;
  try {
    const command = parseOperatorArgs(argv);
    if (command.action === 'help') {
      io.out(USAGE);
      return 0;
    }
    const database = await connectAdminDatabase(loadConfig(env));
    close = database.close;
    const { db } = database;
    if (command.action === 'list') {
      const { rows } = await db.query<UserRow & { granted_by: string; granted_at: Date }>(
        `SELECT u.email, u.name, o.granted_by, o.granted_at
         FROM platform_operators o JOIN users u ON u.id = o.user_id ORDER BY o.granted_at`,
      );
      if (!rows.length) io.out('No platform operators.');
      for (const r of rows)
        io.out(
          `${r.email} (${r.name}), granted by ${r.granted_by} on ${r.granted_at.toUTCString()}`,
        );
      return 0;
    }
    const user = await findUser(db, command.email);
    const changed = await change(db, command.action, user, grantedBy);
    io.out(
      command.action === 'grant'
        ? changed
          ? `${user.email} is now a platform operator.`
          : `${user.email} already is a platform operator.`
        : changed
          ? `${user.email} is no longer a platform operator.`
          : `${user.email} was not a platform operator.`,
    );
    return 0;
  } catch (error) {
    return reportStop(error, io);
  } finally {
    await close();
  }
}

if (require.main === module) {
  runAsMain('operator', () => runOperator(process.argv.slice(2), readEnvironment()));
}
