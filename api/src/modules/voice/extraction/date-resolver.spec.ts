import type { Turn } from './conversation';
import { resolveAgreedTime, resolveStatedTime } from './date-resolver';

/** Sat 24 Oct 2026 12:00 in Berlin (CEST); clocks go back to CET on Sunday at 03:00. */
const berlin = { startedAt: new Date('2026-10-24T10:00:00Z'), timeZone: 'Europe/Berlin' };

const agent = (text: string): Turn => ({ role: 'agent', text });
const user = (text: string): Turn => ({ role: 'user', text });
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('date resolver', () => {
  describe('time zones', () => {
    it('reads "tomorrow at 9:30" on the tenant clock after the DST change', () => {
      expect(iso(resolveStatedTime('tomorrow at 9:30', berlin).startsAt)).toBe(
        '2026-10-25T08:30:00.000Z',
      );
    });

    it('counts "tomorrow" from the local date when UTC is still on the previous day', () => {
      const afterMidnight = {
        startedAt: new Date('2026-05-20T22:30:00Z'),
        timeZone: 'Europe/Berlin',
      };
      expect(iso(resolveStatedTime('tomorrow at 10', afterMidnight).startsAt)).toBe(
        '2026-05-22T08:00:00.000Z',
      );
    });

    it('gives the same answer whatever zone the server runs in', () => {
      // The frame carries the zone; nothing reads the process zone. (Run with TZ=… to see.)
      const sydney = { startedAt: new Date('2026-10-03T01:00:00Z'), timeZone: 'Australia/Sydney' };
      expect(iso(resolveStatedTime('tomorrow at 10am', sydney).startsAt)).toBe(
        '2026-10-03T23:00:00.000Z',
      );
    });

    it('keeps an explicit offset as given', () => {
      expect(iso(resolveStatedTime('2026-11-03T09:00:00+01:00', berlin).startsAt)).toBe(
        '2026-11-03T08:00:00.000Z',
      );
    });

    it('reads an ISO stamp without offset as the tenant wall clock', () => {
      expect(iso(resolveStatedTime('2026-10-26T09:00:00', berlin).startsAt)).toBe(
        '2026-10-26T08:00:00.000Z',
      );
    });
  });

  describe('rolling forward', () => {
    it('moves a bare time already past today to tomorrow', () => {
      expect(iso(resolveStatedTime('at 9 am', berlin).startsAt)).toBe('2026-10-25T08:00:00.000Z');
    });

    it('keeps a bare time still ahead today on today', () => {
      expect(iso(resolveStatedTime('at 3', berlin).startsAt)).toBe('2026-10-24T13:00:00.000Z');
    });

    it('moves a weekday already past this week to next week', () => {
      expect(iso(resolveStatedTime('Thursday at 10', berlin).startsAt)).toBe(
        '2026-10-29T09:00:00.000Z',
      );
    });

    it("moves today's weekday to next week when the time has passed", () => {
      expect(iso(resolveStatedTime('Saturday at 9am', berlin).startsAt)).toBe(
        '2026-10-31T08:00:00.000Z',
      );
    });

    it('moves "the 20th" after the 20th to next month', () => {
      expect(iso(resolveStatedTime('the 20th at 10', berlin).startsAt)).toBe(
        '2026-11-20T09:00:00.000Z',
      );
    });

    it('finds the month whose 24th is a Tuesday for "Tuesday the 24th"', () => {
      expect(iso(resolveStatedTime('Tuesday the 24th at 3 pm', berlin).startsAt)).toBe(
        '2026-11-24T14:00:00.000Z',
      );
    });

    it('does not move a date the caller fixed ("today at 9" in the afternoon is no start)', () => {
      expect(resolveStatedTime('today at 9 am', berlin).startsAt).toBeNull();
    });

    it('ignores dates in the past ("yesterday at 3")', () => {
      expect(resolveStatedTime('yesterday at 3', berlin).startsAt).toBeNull();
    });
  });

  describe('what counts as a start', () => {
    it('needs a time of day: a date alone is not bookable', () => {
      const r = resolveStatedTime('on Friday', berlin);
      expect(r.startsAt).toBeNull();
      expect(r.requested).toBe('on Friday');
    });

    it('does not take "afternoon" as a time', () => {
      expect(resolveStatedTime('Friday afternoon', berlin).startsAt).toBeNull();
    });

    it('takes "Friday afternoon at 3" as 3 pm', () => {
      expect(iso(resolveStatedTime('on Friday afternoon at 3', berlin).startsAt)).toBe(
        '2026-10-30T14:00:00.000Z',
      );
    });

    it('reads bare hours as business hours but 24-hour clocks as written', () => {
      expect(iso(resolveStatedTime('Monday at 4:30', berlin).startsAt)).toBe(
        '2026-10-26T15:30:00.000Z',
      );
      expect(iso(resolveStatedTime('Monday at 07:30', berlin).startsAt)).toBe(
        '2026-10-26T06:30:00.000Z',
      );
    });

    it('reads spoken times ("half past four", "eleven fifteen")', () => {
      expect(iso(resolveStatedTime('tomorrow at half past four', berlin).startsAt)).toBe(
        '2026-10-25T15:30:00.000Z',
      );
      expect(iso(resolveStatedTime('Monday at eleven fifteen', berlin).startsAt)).toBe(
        '2026-10-26T10:15:00.000Z',
      );
    });

    it('does not read lengths of time as moments ("for 45 minutes", "two days")', () => {
      expect(resolveStatedTime('for 45 minutes', berlin).startsAt).toBeNull();
      expect(resolveStatedTime('it has been two days', berlin).startsAt).toBeNull();
    });

    it('does not read opening hours as a start', () => {
      expect(resolveStatedTime("we're open from 9 to 5", berlin).startsAt).toBeNull();
    });
  });

  describe('in a conversation', () => {
    it('combines a date and a time said in different turns', () => {
      const r = resolveAgreedTime(
        [user('Can I come in on Tuesday?'), agent('Sure, what time?'), user('At 3 pm.')],
        berlin,
      );
      expect(iso(r.startsAt)).toBe('2026-10-27T14:00:00.000Z');
    });

    it('prefers the time the agent read back and the caller confirmed', () => {
      const r = resolveAgreedTime(
        [
          user('Monday at 10 please.'),
          agent('Monday is full. Tuesday at 2 or Wednesday at 4?'),
          user('Hmm, Tuesday... actually no, make it Wednesday.'),
          agent("So that's Wednesday the 28th at 4 pm, correct?"),
          user('Yes.'),
          agent('Great. We are open until 7 on Wednesdays.'),
          user('Good, I finish work at 3 anyway.'),
        ],
        berlin,
      );
      expect(iso(r.startsAt)).toBe('2026-10-28T15:00:00.000Z');
      expect(r.confirmedTurn).toBe(3);
    });

    it('lets the caller change a confirmed time explicitly', () => {
      const r = resolveAgreedTime(
        [
          agent('Tuesday at 3 pm, correct?'),
          user('Yes.'),
          user('Oh wait, actually can we make it 4 instead?'),
        ],
        berlin,
      );
      expect(iso(r.startsAt)).toBe('2026-10-27T15:00:00.000Z');
    });

    it('takes the later of two times in one breath ("Thursday at 2 — make it Friday at 11")', () => {
      const r = resolveAgreedTime(
        [user('Thursday at 2? Oh wait, make it Friday at 11 instead.')],
        berlin,
      );
      expect(iso(r.startsAt)).toBe('2026-10-30T10:00:00.000Z');
    });

    it('rules out a time only when the words say it does not work', () => {
      expect(iso(resolveStatedTime("Tuesday at 3 won't be a problem", berlin).startsAt)).toBe(
        '2026-10-27T14:00:00.000Z',
      );
      expect(resolveStatedTime("Tuesday at 3 won't work for me", berlin).startsAt).toBeNull();
    });

    it('forgets a proposal the caller turned down', () => {
      const r = resolveAgreedTime(
        [agent('How about Monday at 9?'), user("No, that doesn't work for me.")],
        berlin,
      );
      expect(r.startsAt).toBeNull();
    });

    it('skips times ruled out in words ("Monday at 10 is taken")', () => {
      const r = resolveAgreedTime(
        [agent('Monday at 10 is taken, but Tuesday at 11 is free.')],
        berlin,
      );
      expect(iso(r.startsAt)).toBe('2026-10-27T10:00:00.000Z');
    });

    it('when moving an appointment, does not take the old slot for the new one', () => {
      const turns = [
        user('I have an appointment on Monday at 10 but I need to move it. Could we do Wednesday?'),
        agent('Sure, what time on Wednesday?'),
        user('Any time after lunch.'),
      ];
      expect(resolveAgreedTime(turns, berlin, { existingAppointment: true }).startsAt).toBeNull();
      expect(
        iso(resolveAgreedTime(turns, berlin, { existingAppointment: false }).startsAt),
      ).not.toBeNull();
    });
  });
});
