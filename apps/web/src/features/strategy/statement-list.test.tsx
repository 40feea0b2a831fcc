import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Statement } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { StatementList, type StatementActions } from './statement-list.tsx';

const statements: Statement[] = ['Første', 'Andre', 'Tredje'].map((text, position) => ({
  id: `id-${position}`,
  section: 'challenge',
  position,
  text,
  originalText: null,
  isTruncated: position === 2,
  version: 1,
  evidenceCount: 0,
}));

function setupActions(): StatementActions {
  return {
    edit: vi.fn(async () => true),
    move: vi.fn(async () => undefined),
    remove: vi.fn(async () => true),
    add: vi.fn(async () => true),
    comment: vi.fn(),
  };
}

function setup(isEditing: boolean) {
  const actions = setupActions();
  render(
    <I18nProvider>
      <StatementList
        section="challenge"
        sectionLabel="Utfordringer"
        statements={statements}
        isEditing={isEditing}
        canComment
        actions={actions}
      />
    </I18nProvider>,
  );
  return actions;
}

afterEach(cleanup);

describe('StatementList', () => {
  it('reads as a list with the evidence count and the truncation note', () => {
    setup(false);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Første'),
      expect.stringContaining('Andre'),
      expect.stringContaining('Tredje (avkuttet i kilden)'),
    ]);
    expect(screen.getAllByText('Antall innspill som underbygger punktet: 0')).toHaveLength(3);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('moves with buttons (the keyboard alternative to dragging), first up and last down disabled', () => {
    const actions = setup(true);
    expect(screen.getByRole('button', { name: 'Flytt opp: Første' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Flytt ned: Tredje' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Flytt ned: Første' }));
    expect(actions.move).toHaveBeenCalledWith(statements[0], 1);
    fireEvent.click(screen.getByRole('button', { name: 'Flytt opp: Tredje' }));
    expect(actions.move).toHaveBeenCalledWith(statements[2], 1);
  });

  it('edits, deletes and adds bullets', () => {
    const actions = setup(true);
    fireEvent.click(screen.getByRole('button', { name: 'Rediger punkt: Andre' }));
    fireEvent.change(screen.getByLabelText('Tekst'), { target: { value: 'Andre, endret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(actions.edit).toHaveBeenCalledWith(statements[1], 'Andre, endret');
    fireEvent.click(screen.getByRole('button', { name: 'Slett punkt: Første' }));
    expect(actions.remove).toHaveBeenCalledWith(statements[0]);
    fireEvent.change(screen.getByLabelText('Nytt punkt i Utfordringer'), { target: { value: 'Fjerde' } });
    fireEvent.click(screen.getByRole('button', { name: 'Legg til' }));
    expect(actions.add).toHaveBeenCalledWith('challenge', 'Fjerde');
  });

  it("drops a dragged bullet on another bullet at that bullet's place (HTML5 drag and drop)", () => {
    const actions = setup(true);
    const data = new Map<string, string>();
    const dataTransfer = {
      get types() {
        return [...data.keys()];
      },
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    const [first, , third] = screen.getAllByRole('listitem');
    expect(third!.getAttribute('draggable')).toBe('true');
    fireEvent.dragStart(third!, { dataTransfer });
    expect(fireEvent.dragOver(first!, { dataTransfer })).toBe(false); // preventDefault: a valid target
    fireEvent.drop(first!, { dataTransfer });
    expect(actions.move).toHaveBeenCalledWith(statements[2], 0, undefined);
  });

  it('marks a bullet that has no translation with the language it is written in (WCAG 3.1.2)', () => {
    localStorage.setItem('innspill.locale', 'en');
    const translated = { ...statements[0]!, text: 'First', originalText: 'Første' };
    render(
      <I18nProvider>
        <StatementList
          section="challenge"
          sectionLabel="Challenges"
          statements={[translated, statements[1]!]}
          isEditing={false}
          canComment
          actions={setupActions()}
          processLanguage="nb"
        />
      </I18nProvider>,
    );
    expect(screen.getByText('First').getAttribute('lang')).toBeNull();
    expect(screen.getByText('Andre').getAttribute('lang')).toBe('nb');
    localStorage.clear();
  });

  it('offers no add form where bullets may not be added (editing a translation)', () => {
    render(
      <I18nProvider>
        <StatementList
          section="challenge"
          sectionLabel="Utfordringer"
          statements={statements}
          isEditing
          canComment
          actions={setupActions()}
          canAdd={false}
        />
      </I18nProvider>,
    );
    expect(screen.getByRole('button', { name: 'Rediger punkt: Andre' })).toBeTruthy();
    expect(screen.queryByLabelText('Nytt punkt i Utfordringer')).toBeNull();
  });

  it('moves a bullet to another section without dragging (keyboard alternative), or cancels with Escape', async () => {
    const actions = setupActions();
    render(
      <I18nProvider>
        <StatementList
          section="challenge"
          sectionLabel="Utfordringer"
          statements={statements}
          isEditing
          canComment={false}
          actions={actions}
          moveTargets={[
            { section: 'challenge', label: 'Utfordringer', count: 3 },
            { section: 'keyword', label: 'Stikkord', count: 5 },
            { section: 'deep_dive', label: 'Fordypning', count: 0 },
          ]}
        />
      </I18nProvider>,
    );
    const open = () =>
      fireEvent.click(screen.getByRole('button', { name: 'Flytt til en annen del av lerretet: Første' }));
    open();
    fireEvent.keyDown(screen.getByLabelText('Flytt til en annen del av lerretet: Første'), { key: 'Escape' });
    expect(screen.queryByRole('combobox')).toBeNull();
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Flytt til en annen del av lerretet: Første' }),
    );
    open();
    const select = screen.getByLabelText('Flytt til en annen del av lerretet: Første');
    expect([...(select as HTMLSelectElement).options].map((option) => option.text)).toEqual([
      'Stikkord',
      'Fordypning',
    ]);
    fireEvent.change(select, { target: { value: 'keyword' } });
    fireEvent.click(screen.getByRole('button', { name: 'Flytt' }));
    expect(actions.move).toHaveBeenCalledWith(statements[0], 5, 'keyword');
  });
});
