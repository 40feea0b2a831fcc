import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues.ts';
import { translate } from './i18n.tsx';

describe('string catalogues', () => {
  it('has every key in both bokmål and English, with the same placeholders', () => {
    for (const catalogue of catalogues) {
      const nbKeys = Object.keys(catalogue.nb).sort();
      const enKeys = Object.keys(catalogue.en).sort();
      expect(enKeys).toEqual(nbKeys);
      for (const key of nbKeys) {
        const placeholders = (text: string) =>
          [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        expect(placeholders(catalogue.en[key]!), key).toEqual(placeholders(catalogue.nb[key]!));
        expect(catalogue.nb[key]!.trim(), key).not.toBe('');
        expect(catalogue.en[key]!.trim(), key).not.toBe('');
      }
    }
  });

  it('does not define one key differently in two catalogues', () => {
    const seen = new Map<string, string>();
    for (const catalogue of catalogues) {
      for (const [key, text] of Object.entries(catalogue.nb)) {
        if (seen.has(key)) expect(text, key).toBe(seen.get(key));
        seen.set(key, text);
      }
    }
  });

  it('fills placeholders and falls back to the key for an unknown message', () => {
    expect(translate('en', 'setup.intro.invite', { email: 'a@b.no' })).toBe(
      'Choose a password for the account a@b.no.',
    );
    expect(translate('nb', 'no.such.key')).toBe('no.such.key');
  });
});
