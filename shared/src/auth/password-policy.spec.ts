import { passwordProblem, PASSWORD_MAX_LENGTH } from './password-policy';

describe('password policy', () => {
  it('accepts a long, unguessable passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('rejects passwords shorter than ten characters', () => {
    expect(passwordProblem('Sh0rt!')).toMatch(/at least 10/);
  });

  it('rejects passwords longer than the hashing bound', () => {
    expect(passwordProblem('a1b2c3d4e5'.repeat(13))).toMatch(
      new RegExp(`at most ${PASSWORD_MAX_LENGTH}`),
    );
  });

  it('rejects well-known passwords regardless of case', () => {
    expect(passwordProblem('Password123')).toBe('password is too common');
  });

  it('rejects a password made of a few repeated characters', () => {
    expect(passwordProblem('abababababab')).toMatch(/same few characters/);
  });

  it('rejects a password containing the email local part or the name', () => {
    expect(passwordProblem('ada.lovelace-2024', { email: 'Ada.Lovelace@example.com' })).toMatch(
      /email/,
    );
    expect(passwordProblem('i-am-lovelace-99', { name: 'Lovelace' })).toMatch(/name/);
  });
});
