import { parseCsv } from './csv';

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

  it('keeps quotes inside an unquoted cell, and a quote left open runs to the end', () => {
    expect(parseCsv('a,b"c\n"open,\nstill')).toEqual([['a', 'b"c'], ['open,\nstill']]);
  });

  it('drops blank lines, also ones made only of spaces', () => {
    expect(parseCsv('a\n  \n\nb\n')).toEqual([['a'], ['b']]);
  });
});
