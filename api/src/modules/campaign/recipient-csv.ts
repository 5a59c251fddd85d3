import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  CreateCustomerDto,
  CSV_IMPORT_MAX_ROWS,
  CSV_IMPORT_MAX_VARIABLES,
  CsvReader,
  toE164,
  CampaignErrorCode,
  CommonErrorCode,
} from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';
import { EventLoopSlices } from '../../common/time/event-loop-slices';

const CUSTOMER_COLUMNS = ['phone', 'first_name', 'last_name', 'email', 'timezone', 'tags'];
const MAX_COLUMNS = CUSTOMER_COLUMNS.length + CSV_IMPORT_MAX_VARIABLES;
const VARIABLE = /^[a-z][a-z0-9_]{0,39}$/;
/** Characters parsed between checks of the slice's time. */
const PARSE_STEP = 64 * 1024;

/** A row that passed every check that needs no write: whom it names, and what it brings. */
export interface CsvRecipient {
  row: number;
  raw: string;
  phone: string;
  dto: CreateCustomerDto;
  variables: Record<string, string>;
}

/** A row refused before anything is written, with the reason the import report gives. */
export interface CsvRejection {
  row: number;
  raw: string | null;
  reason: string;
}

export type CsvEntry = CsvRecipient | CsvRejection;

/**
 * The file's rows in order, each valid or refused with its reason; a file that cannot be used
 * at all (no phone column, no rows, a bad column name) is a 400 on `csv`, one over the row or
 * column limits a 413 naming the limit. Parsing and checking hand the event loop back every
 * few milliseconds, so a large file never holds up other requests.
 */
export async function readRecipientCsv(csv: string, country: string): Promise<CsvEntry[]> {
  const slices = new EventLoopSlices();
  const reader = new CsvReader(csv, { maxRecords: CSV_IMPORT_MAX_ROWS + 1, maxCells: MAX_COLUMNS });
  while (!reader.step(PARSE_STEP)) await slices.pause();
  if (reader.truncated)
    throw csvTooLarge(`at most ${CSV_IMPORT_MAX_ROWS} rows per import (this file has more)`);
  const [header, ...rows] = reader.records;
  if (header?.unclosedQuoteLine)
    throw csvError(`the header row has a quote that is never closed (line ${header.line})`);
  const columns = (header?.cells ?? []).map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const variableCount =
    (header?.width ?? 0) - columns.filter((c) => CUSTOMER_COLUMNS.includes(c)).length;
  if (variableCount > CSV_IMPORT_MAX_VARIABLES)
    throw csvTooLarge(
      `at most ${CSV_IMPORT_MAX_VARIABLES} variable columns besides ${CUSTOMER_COLUMNS.join(', ')} (this file has ${variableCount})`,
    );
  if (!columns.includes('phone')) throw csvError('the header row must name a phone column');
  if (rows.length === 0) throw csvError('there are no rows under the header');
  const variableColumns = columns.filter((c) => !CUSTOMER_COLUMNS.includes(c));
  const badColumn = variableColumns.find((c) => !VARIABLE.test(c));
  if (badColumn)
    throw csvError(`column "${badColumn}" cannot be a variable name (letters, digits, _)`);
  const position = new Map<string, number>();
  columns.forEach((column, index) => position.has(column) || position.set(column, index));

  const seen = new Set<string>();
  const entries: CsvEntry[] = [];
  for (const [index, record] of rows.entries()) {
    entries.push(readRow(index + 2, record.cells, record.width, record.unclosedQuoteLine)); // the header is row 1
    await slices.pause();
  }
  return entries;

  function readRow(
    row: number,
    cells: string[],
    width: number,
    unclosedQuoteLine: number | null,
  ): CsvEntry {
    const value = (column: string) => {
      const cell = cells[position.get(column) ?? -1]?.trim();
      return cell ? cell : undefined;
    };
    const raw = value('phone') ?? null;
    if (unclosedQuoteLine !== null)
      return {
        row,
        raw,
        reason: `a quote opened on line ${unclosedQuoteLine} is never closed; the row ends with that line`,
      };
    if (width > columns.length)
      return { row, raw, reason: `has ${width} cells for ${columns.length} columns` };
    const dto = plainToInstance(CreateCustomerDto, {
      phone: raw ?? '',
      firstName: value('first_name'),
      lastName: value('last_name'),
      email: value('email'),
      timezone: value('timezone'),
      tags: value('tags')
        ?.split(';')
        .map((t) => t.trim())
        .filter(Boolean),
    });
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const reason =
        Object.values(errors[0].constraints ?? {})[0] ?? `${errors[0].property} is invalid`;
      return { row, raw, reason };
    }
    const phone = toE164(dto.phone, country);
    if (!phone) return { row, raw, reason: `phone is not a valid number for ${country}` };
    if (seen.has(phone)) return { row, raw, reason: 'the same phone appears on an earlier row' };
    seen.add(phone);
    const variables: Record<string, string> = {};
    for (const column of variableColumns) {
      const cell = value(column);
      if (cell) variables[column] = cell.slice(0, 500);
    }
    return { row, raw: raw!, phone, dto, variables };
  }
}

function csvError(message: string): AppException {
  return new AppException(
    400,
    CommonErrorCode.ValidationFailed,
    `The CSV file is not usable: ${message}`,
    [{ field: 'csv', message }],
  );
}

function csvTooLarge(message: string): AppException {
  return new AppException(
    413,
    CampaignErrorCode.CsvTooLarge,
    `The CSV file is too large: ${message}`,
    [{ field: 'csv', message }],
  );
}
