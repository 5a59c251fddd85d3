import type { CorpusCase, ExpectedOutcome } from './corpus';
import type { Extraction } from '../types';

/** How well an extractor does on a corpus: intent accuracy and field accuracy. */

export interface FieldCheck {
  field: keyof ExpectedOutcome;
  expected: unknown;
  actual: unknown;
  correct: boolean;
}

export interface CaseScore {
  name: string;
  intentCorrect: boolean;
  fields: FieldCheck[];
}

export interface AccuracyReport {
  cases: number;
  intentCorrect: number;
  fieldsChecked: number;
  fieldsCorrect: number;
  /** Per field: [correct, checked]. */
  byField: Partial<Record<keyof ExpectedOutcome, [number, number]>>;
  misses: string[];
}

function actualValue(field: keyof ExpectedOutcome, actual: Extraction): unknown {
  const value = (actual as Partial<Record<string, unknown>>)[
    field === 'subjectIncludes' ? 'subject' : field
  ];
  return value instanceof Date ? value.toISOString() : value;
}

function matches(field: keyof ExpectedOutcome, expected: unknown, actual: unknown): boolean {
  if (field === 'subjectIncludes') {
    return (
      typeof actual === 'string' && actual.toLowerCase().includes(String(expected).toLowerCase())
    );
  }
  if (field === 'service') {
    return typeof actual === 'string' && actual.toLowerCase() === String(expected).toLowerCase();
  }
  if (field === 'startsAt') {
    if (expected === null || actual === null || actual === undefined) return expected === actual;
    return new Date(String(expected)).getTime() === new Date(String(actual)).getTime();
  }
  return expected === actual;
}

export function scoreCase(c: CorpusCase, actual: Extraction): CaseScore {
  const fields = (Object.keys(c.expected) as Array<keyof ExpectedOutcome>)
    .filter((field) => field !== 'intent')
    .map((field) => {
      const expected = c.expected[field];
      const value = actualValue(field, actual);
      return { field, expected, actual: value, correct: matches(field, expected, value) };
    });
  return { name: c.name, intentCorrect: actual.intent === c.expected.intent, fields };
}

export function measureAccuracy(
  corpus: CorpusCase[],
  extract: (c: CorpusCase) => Extraction,
): AccuracyReport {
  const report: AccuracyReport = {
    cases: corpus.length,
    intentCorrect: 0,
    fieldsChecked: 0,
    fieldsCorrect: 0,
    byField: {},
    misses: [],
  };
  for (const c of corpus) {
    const actual = extract(c);
    const score = scoreCase(c, actual);
    if (score.intentCorrect) report.intentCorrect++;
    else report.misses.push(`${c.name}: intent ${actual.intent}, expected ${c.expected.intent}`);
    for (const f of score.fields) {
      const [correct, checked] = report.byField[f.field] ?? [0, 0];
      report.byField[f.field] = [correct + (f.correct ? 1 : 0), checked + 1];
      report.fieldsChecked++;
      if (f.correct) report.fieldsCorrect++;
      else {
        report.misses.push(
          `${c.name}: ${f.field} ${JSON.stringify(f.actual)}, expected ${JSON.stringify(f.expected)}`,
        );
      }
    }
  }
  return report;
}

const percent = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

export function formatAccuracy(r: AccuracyReport): string {
  const lines = [
    `Voice outcome extraction over ${r.cases} transcripts`,
    `  intent accuracy: ${r.intentCorrect}/${r.cases} = ${percent(r.intentCorrect, r.cases)}`,
    `  field accuracy:  ${r.fieldsCorrect}/${r.fieldsChecked} = ${percent(r.fieldsCorrect, r.fieldsChecked)}`,
    ...Object.entries(r.byField).map(
      ([field, [correct, checked]]) =>
        `    ${field.padEnd(16)} ${correct}/${checked} = ${percent(correct, checked)}`,
    ),
    ...(r.misses.length ? ['  misses:', ...r.misses.map((m) => `    - ${m}`)] : []),
  ];
  return lines.join('\n');
}
