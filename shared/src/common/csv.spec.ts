import { CsvReader, parseCsv, readCsvRecords } from './csv';

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    const text =
      '\uFEFFphone,first_name,note\r\n+14155550123,"Lind, Maya","said ""hi""\nthen left"\r\n\r\n+14155550124,Ola,\n';
    expect(parseCsv(text)).toEqual([
      ['phone', 'first_name', 'note'],
      ['+14155550123', 'Lind, Maya', 'said "hi"\nthen left'],
      ['+14155550124', 'Ola', ''],
    ]);
  });

  it('keeps a last line without a line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps quotes inside an unquoted cell', () => {
    expect(parseCsv('a,b"c\nd""e,f')).toEqual([
      ['a', 'b"c'],
      ['d""e', 'f'],
    ]);
  });

  it('ends a record whose quote never closes with its line, names that line, and reads on', () => {
    const { records } = readCsvRecords(
      'phone,note\r\n1,"fine\nacross lines"\n2,"open, ""never"" closed\n3,after\n\n4,""""\n',
    );
    expect(records.map((r) => [r.line, r.cells, r.unclosedQuoteLine])).toEqual([
      [1, ['phone', 'note'], null],
      [2, ['1', 'fine\nacross lines'], null],
      [4, ['2', 'open, ""never"" closed'], 4],
      [5, ['3', 'after'], null],
      [7, ['4', '"'], null],
    ]);
  });

  it('reports an unclosed quote on the last line without losing a record', () => {
    const { records } = readCsvRecords('a\n"x');
    expect(records.map((r) => [r.line, r.cells, r.unclosedQuoteLine])).toEqual([
      [1, ['a'], null],
      [2, ['x'], 2],
    ]);
  });

  it('drops blank lines, also ones made only of spaces', () => {
    expect(parseCsv('a\n  \n\nb\n')).toEqual([['a'], ['b']]);
  });

  it('keeps at most maxCells cells of a record and counts the rest', () => {
    const { records } = readCsvRecords('a,b,c,d,e\n1,2\n', { maxCells: 3 });
    expect(records.map((r) => [r.cells, r.width])).toEqual([
      [['a', 'b', 'c'], 5],
      [['1', '2'], 2],
    ]);
  });

  it('stops after maxRecords and says more follow, blank lines not counted', () => {
    const full = readCsvRecords('h\n1\n\n2\n', { maxRecords: 3 });
    expect([full.records.length, full.truncated]).toEqual([3, false]);
    const over = readCsvRecords('h\n1\n\n2\n3\n', { maxRecords: 3 });
    expect([over.records.length, over.truncated]).toEqual([3, true]);
  });

  it('reads in slices with the same result as at once', () => {
    const text = 'phone,"note, long"\n+1,"a\r\nb"\r\n+2,"c""d"\n+3,"open\n+4,e';
    const reader = new CsvReader(text);
    let slices = 0;
    while (!reader.step(3)) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(reader.records).toEqual(readCsvRecords(text).records);
  });

  it('takes linear time in the number of columns', () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
    const time = (n: number) => {
      const text = `${row(n)}\n${row(n)}\n`;
      const started = process.hrtime.bigint();
      for (let k = 0; k < 5; k++) readCsvRecords(text, { maxCells: 60 });
      return Number(process.hrtime.bigint() - started);
    };
    time(20_000);
    // Four times the columns: about four times the time; a quadratic reader takes sixteen.
    expect(time(80_000) / time(20_000)).toBeLessThan(9);
  });
});
