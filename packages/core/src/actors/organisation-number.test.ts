import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isValidOrganisationNumber,
  normaliseOrganisationNumber,
  organisationNumberCheckDigit,
} from './organisation-number.ts';

describe(isValidOrganisationNumber.name, () => {
  it('accepts real organisation numbers, with spaces too', () => {
    expect(isValidOrganisationNumber('974760673')).toBe(true);
    expect(isValidOrganisationNumber('874 789 542')).toBe(true);
    expect(isValidOrganisationNumber('971 035 854')).toBe(true);
  });

  it('rejects wrong check digits, wrong lengths and letters', () => {
    expect(isValidOrganisationNumber('974760674')).toBe(false);
    expect(isValidOrganisationNumber('97476067')).toBe(false);
    expect(isValidOrganisationNumber('9747606731')).toBe(false);
    expect(isValidOrganisationNumber('97476067A')).toBe(false);
    expect(isValidOrganisationNumber('')).toBe(false);
  });

  it('accepts exactly one last digit for every valid eight-digit prefix (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (prefix) => {
        const valid = Array.from({ length: 10 }, (_, digit) => digit).filter((digit) =>
          isValidOrganisationNumber(`${prefix}${digit}`),
        );
        const check = organisationNumberCheckDigit(prefix);
        expect(valid).toEqual(check === undefined ? [] : [check]);
      }),
    );
  });

  it('detects every single-digit typo (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{8}$/),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (prefix, position, delta) => {
          const check = organisationNumberCheckDigit(prefix);
          fc.pre(check !== undefined);
          const number = `${prefix}${check}`;
          const digits = number.split('');
          digits[position] = String((Number(digits[position]) + delta) % 10);
          expect(isValidOrganisationNumber(digits.join(''))).toBe(false);
        },
      ),
    );
  });

  it('normalises spaces, dots and hyphens', () => {
    expect(normaliseOrganisationNumber(' 974.760-673 ')).toBe('974760673');
  });
});
