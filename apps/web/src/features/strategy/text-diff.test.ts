import { describe, expect, it } from 'vitest';
import { diffWords } from './text-diff.ts';

describe('diffWords', () => {
  it('marks removed and added words and keeps the rest', () => {
    expect(diffWords('Digital kompetanse i alle fag', 'Digital kompetanse i mange fag')).toEqual([
      { kind: 'same', text: 'Digital kompetanse i ' },
      { kind: 'removed', text: 'alle' },
      { kind: 'added', text: 'mange' },
      { kind: 'same', text: ' fag' },
    ]);
  });
  it('handles empty texts', () => {
    expect(diffWords('', 'Ny')).toEqual([{ kind: 'added', text: 'Ny' }]);
    expect(diffWords('Gammel', '')).toEqual([{ kind: 'removed', text: 'Gammel' }]);
  });
});
