/** Outcomes of simulated phone calls and their configured mix (SIMULATOR_CALL_OUTCOMES). */
export type SimulatedOutcome = 'answered' | 'voicemail' | 'no_answer' | 'busy' | 'failed';

export const SIMULATED_OUTCOMES: readonly SimulatedOutcome[] = [
  'answered',
  'voicemail',
  'no_answer',
  'busy',
  'failed',
];

/** Relative weights of each outcome; the default resembles a business calling its own customers. */
export type OutcomeMix = Record<SimulatedOutcome, number>;

export const DEFAULT_OUTCOME_MIX: OutcomeMix = {
  answered: 70,
  voicemail: 8,
  no_answer: 10,
  busy: 7,
  failed: 5,
};

/** Parses `answered:70,busy:10`; outcomes left out weigh nothing. Throws on nonsense. */
export function parseOutcomeMix(text: string): OutcomeMix {
  const mix: OutcomeMix = { answered: 0, voicemail: 0, no_answer: 0, busy: 0, failed: 0 };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, weight] = part.split(':').map((p) => p.trim());
    if (!SIMULATED_OUTCOMES.includes(name as SimulatedOutcome))
      throw new Error(`unknown outcome "${name}" (use ${SIMULATED_OUTCOMES.join(', ')})`);
    const value = Number(weight ?? '1');
    if (!Number.isFinite(value) || value < 0) throw new Error(`bad weight for ${name}`);
    mix[name as SimulatedOutcome] = value;
  }
  if (Object.values(mix).every((w) => w === 0)) throw new Error('every weight is zero');
  return mix;
}

export function pickOutcome(mix: OutcomeMix, random = Math.random()): SimulatedOutcome {
  const total = SIMULATED_OUTCOMES.reduce((sum, o) => sum + mix[o], 0);
  let point = random * total;
  for (const outcome of SIMULATED_OUTCOMES) {
    point -= mix[outcome];
    if (point < 0 && mix[outcome] > 0) return outcome;
  }
  return SIMULATED_OUTCOMES.filter((o) => mix[o] > 0).pop()!;
}
