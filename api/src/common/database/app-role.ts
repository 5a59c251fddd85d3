/**
 * Runtime connections assume this role at connection start. It neither owns the tables
 * nor bypasses row-level security, so RLS holds even when DATABASE_URL names a superuser.
 * Migrations connect without it and so act as the owner.
 */
export const APP_DB_ROLE = 'navaia_app';
