/** One record of a CSV file: its cells and the line it starts on (the first line is 1). */
export interface CsvRecord {
  line: number;
  /** The cells, at most `maxCells` of them. */
  cells: string[];
  /** How many cells the record has, counting those beyond `maxCells`. */
  width: number;
  /**
   * The line where a quoted cell of this record opens and never closes, else null. The record
   * ends with that line, and reading goes on with the next one.
   */
  unclosedQuoteLine: number | null;
}

export interface CsvLimits {
  /** Stop after this many records (blank lines do not count); `truncated` tells if more follow. */
  maxRecords?: number;
  /** Keep at most this many cells of a record; the others are only counted in `width`. */
  maxCells?: number;
}

/**
 * RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, quotes (doubled) and
 * line breaks; CRLF or LF line ends; a UTF-8 byte-order mark is ignored; blank lines are skipped.
 *
 * One pass over the text, each character looked at once (twice at most after a quote that
 * never closes), and memory bounded by the limits whatever the file holds. `step` reads a
 * slice at a time, so a caller can hand the event loop back between slices.
 */
export class CsvReader {
  readonly records: CsvRecord[] = [];
  truncated = false;
  private readonly input: string;
  private readonly maxRecords: number;
  private readonly maxCells: number;
  private finished = false;
  private i = 0;
  private line = 1;
  private recordLine = 1;
  private cells: string[] = [];
  private width = 0;
  /** Where the current cell's text starts, and the parts already taken (quoted cells). */
  private cellStart = 0;
  private cellParts = '';
  private quoted = false;
  /** The line of the quote that opened the current quoted cell, and the position after it. */
  private quoteLine = 0;
  private quoteStart = 0;

  constructor(text: string, limits: CsvLimits = {}) {
    this.input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.maxRecords = limits.maxRecords ?? Infinity;
    this.maxCells = limits.maxCells ?? Infinity;
  }

  get done(): boolean {
    return this.truncated || this.finished;
  }

  /** Reads about `chars` more characters; answers whether the whole file has been read. */
  step(chars = Infinity): boolean {
    const input = this.input;
    const end = Math.min(input.length, this.i + chars);
    while (this.i < end && !this.truncated) {
      const c = input.charCodeAt(this.i);
      if (this.quoted) {
        if (c === QUOTE) {
          this.cellParts += input.slice(this.cellStart, this.i);
          if (input.charCodeAt(this.i + 1) === QUOTE) {
            this.cellStart = this.i + 1;
            this.i += 2;
            continue;
          }
          this.quoted = false;
          this.cellStart = this.i + 1;
        } else if (c === LF || (c === CR && input.charCodeAt(this.i + 1) !== LF)) this.line++;
        this.i++;
        continue;
      }
      if (c === QUOTE && this.i === this.cellStart && this.cellParts === '') {
        this.quoted = true;
        this.quoteLine = this.line;
        this.quoteStart = this.i + 1;
        this.cellStart = this.i + 1;
      } else if (c === COMMA) {
        this.endCell(this.i);
        this.cellStart = this.i + 1;
      } else if (c === LF || c === CR) {
        this.endCell(this.i);
        this.endRecord(null);
        if (c === CR && input.charCodeAt(this.i + 1) === LF) this.i++;
        this.line++;
        this.recordLine = this.line;
        this.cellStart = this.i + 1;
      }
      this.i++;
    }
    if (this.i >= input.length && !this.done) this.finish();
    return this.done;
  }

  private finish(): void {
    const input = this.input;
    if (this.quoted) {
      // The quote never closes: the record ends with its line, and the next line is read
      // afresh. Every quote after the opening one came in doubled pairs (a single one would
      // have closed it), so reading on from there cannot end inside a quote again.
      const lineEnd = nextLineBreak(input, this.quoteStart);
      this.cellStart = this.quoteStart;
      this.cellParts = '';
      this.endCell(lineEnd);
      this.endRecord(this.quoteLine);
      this.quoted = false;
      this.i =
        input.charCodeAt(lineEnd) === CR && input.charCodeAt(lineEnd + 1) === LF
          ? lineEnd + 2
          : lineEnd + 1;
      this.line = this.quoteLine + 1;
      this.recordLine = this.line;
      this.cellStart = this.i;
      if (this.i < input.length) return;
    } else if (this.cellStart < input.length || this.cellParts !== '' || this.cells.length > 0) {
      this.endCell(input.length);
      this.endRecord(null);
    }
    this.finished = true;
  }

  private endCell(at: number): void {
    this.width++;
    if (this.cells.length < this.maxCells)
      this.cells.push(this.cellParts + this.input.slice(this.cellStart, at));
    this.cellParts = '';
  }

  private endRecord(unclosedQuoteLine: number | null): void {
    const { cells, width } = this;
    this.cells = [];
    this.width = 0;
    if (unclosedQuoteLine === null && cells.every((value) => value.trim() === '')) return;
    if (this.records.length === this.maxRecords) {
      this.truncated = true;
      return;
    }
    this.records.push({ line: this.recordLine, cells, width, unclosedQuoteLine });
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

function nextLineBreak(input: string, from: number): number {
  for (let i = from; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return input.length;
}

/** All records of a CSV file at once (see `CsvReader`). */
export function readCsvRecords(text: string, limits?: CsvLimits): CsvReader {
  const reader = new CsvReader(text, limits);
  while (!reader.step());
  return reader;
}

/** The rows of a CSV file as cells, at most `maxRows` of them. */
export function parseCsv(text: string, maxRows?: number): string[][] {
  return readCsvRecords(text, { maxRecords: maxRows }).records.map((record) => record.cells);
}
