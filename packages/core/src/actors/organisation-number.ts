const weights = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Removes spaces, dots and hyphens people type into organisation numbers ("974 760 673"). */
export function normaliseOrganisationNumber(input: string): string {
  return input.replace(/[\s.\u00a0-]/g, '');
}

/**
 * Whether a Norwegian organisation number is valid: nine digits whose last is the modulus-11
 * check digit of the first eight (weights 3 2 7 6 5 4 3 2; a remainder giving 10 is never issued).
 *
 * @example isValidOrganisationNumber('974760673') // true (Brønnøysundregistrene)
 */
export function isValidOrganisationNumber(input: string): boolean {
  const digits = normaliseOrganisationNumber(input);
  if (!/^\d{9}$/.test(digits)) return false;
  return organisationNumberCheckDigit(digits.slice(0, 8)) === Number(digits[8]);
}

/** The check digit for eight digits, or undefined when no valid number starts with them. */
export function organisationNumberCheckDigit(firstEight: string): number | undefined {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(firstEight[index]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  const check = 11 - remainder;
  return check === 10 ? undefined : check;
}
