import { CSV_IMPORT_MAX_ROWS, CSV_IMPORT_MAX_VARIABLES } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';
import { readRecipientCsv } from './recipient-csv';

const phone = (i: number) => `+1415${String(5_000_000 + i).padStart(7, '0')}`;

async function refusal(csv: string): Promise<AppException> {
  try {
    await readRecipientCsv(csv, 'US');
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('readRecipientCsv', () => {
  it('refuses more variable columns than the limit with 413, counting every column', async () => {
    const variables = Array.from({ length: 40_000 }, (_, i) => `v${i}`);
    const error = await refusal(`phone,first_name,${variables.join(',')}\n${phone(1)},Ada\n`);
    expect(error.statusCode).toBe(413);
    expect(error.message).toContain(`at most ${CSV_IMPORT_MAX_VARIABLES} variable columns`);
    expect(error.message).toContain('(this file has 40000)');
  });

  it('takes exactly the limit of variable columns, each as a variable', async () => {
    const variables = Array.from({ length: CSV_IMPORT_MAX_VARIABLES }, (_, i) => `v${i}`);
    const [entry] = await readRecipientCsv(
      `phone,${variables.join(',')}\n${phone(1)},${variables.map((v) => v.toUpperCase()).join(',')}\n`,
      'US',
    );
    expect('variables' in entry && Object.keys(entry.variables)).toEqual(variables);
    expect('variables' in entry && entry.variables.v49).toBe('V49');
  });

  it('refuses more rows than the limit with 413', async () => {
    const rows = Array.from({ length: CSV_IMPORT_MAX_ROWS + 1 }, (_, i) => phone(i));
    const error = await refusal(['phone', ...rows].join('\n'));
    expect(error.statusCode).toBe(413);
    expect(error.message).toContain(`at most ${CSV_IMPORT_MAX_ROWS} rows`);
  });

  it('rejects a row whose quote never closes with its line and reads the rows after it', async () => {
    const entries = await readRecipientCsv(
      ['phone,note', `${phone(1)},"open`, `${phone(2)},fine`].join('\n'),
      'US',
    );
    expect(entries).toEqual([
      {
        row: 2,
        raw: phone(1),
        reason: 'a quote opened on line 2 is never closed; the row ends with that line',
      },
      expect.objectContaining({ row: 3, phone: phone(2), variables: { note: 'fine' } }),
    ]);
  });

  it('lets timers run while a large file is read', async () => {
    const lines = ['phone,first_name'];
    for (let i = 0; i < CSV_IMPORT_MAX_ROWS; i++) lines.push(`${phone(i)},Name${i}`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const started = performance.now();
      const entries = await readRecipientCsv(lines.join('\n'), 'US');
      expect(entries).toHaveLength(CSV_IMPORT_MAX_ROWS);
      // Only meaningful when reading takes several slices; it does (5 000 validated rows).
      expect(performance.now() - started).toBeGreaterThan(40);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
    // 5 000 validated rows take seconds on a loaded machine; the test is about timers, not speed.
  }, 30_000);
});
