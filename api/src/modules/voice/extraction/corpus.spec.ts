import { scoreCase } from './__fixtures__/accuracy';
import { CORPUS, type CorpusCase } from './__fixtures__/corpus';
import { extractOutcome } from './extract-outcome';

function check(c: CorpusCase) {
  const actual = extractOutcome(c.input);
  const score = scoreCase(c, actual);
  expect({ intent: actual.intent, wrongFields: score.fields.filter((f) => !f.correct) }).toEqual({
    intent: c.expected.intent,
    wrongFields: [],
  });
}

describe('voice outcome extraction over the corpus', () => {
  it('has at least 40 cases with distinct names', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  const passing = CORPUS.filter((c) => !c.knownFailure);
  const failing = CORPUS.filter((c) => c.knownFailure);

  it.each(passing.map((c) => [c.name, c] as const))('%s', (_name, c) => check(c));

  // Kept honestly: these fail today. If one starts passing, drop its knownFailure.
  if (failing.length) {
    it.failing.each(failing.map((c) => [c.name, c] as const))('%s (known failure)', (_n, c) =>
      check(c),
    );
  }
});
