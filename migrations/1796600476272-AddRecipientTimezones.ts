import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A number whose area spans a zone border may be in any of its zones, and a recipient is
 * called only when the window holds in all of them: each recipient keeps the list. `timezone`
 * stays, the likeliest of them. Existing recipients keep the one zone they had.
 */
export class AddRecipientTimezones1796600476272 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_recipients ADD COLUMN timezones text[]`);
    await q.query(`UPDATE campaign_recipients SET timezones = ARRAY[timezone]`);
    await q.query(`ALTER TABLE campaign_recipients ALTER COLUMN timezones SET NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_recipients DROP COLUMN timezones`);
  }
}
