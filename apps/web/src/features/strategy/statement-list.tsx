import { useState, type DragEvent, type FormEvent } from 'react';
import { Button, Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import type { Statement } from '@innspill/contracts';
import { useI18n } from '../../i18n/i18n.tsx';
import { textLimitError } from '../../lib/api-error-messages.ts';
import { textLimits } from '../../lib/text-limits.ts';

export interface StatementActions {
  edit: (statement: Statement, text: string) => Promise<boolean>;
  move: (statement: Statement, position: number, section?: string) => Promise<void>;
  /** Resolves true when the statement was deleted. */
  remove: (statement: Statement) => Promise<boolean>;
  add: (section: string, text: string) => Promise<boolean>;
  comment: (statement: Statement) => void;
}

const dragType = 'application/x-innspill-statement';

/** Moves focus after the next render (the element is there once React has committed). */
function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * The bullets of one section. Read mode is a plain list; edit mode adds, for every bullet, edit,
 * move up/down (the keyboard alternative to dragging), delete and comment, plus an "add" form.
 */
export function StatementList({
  section,
  sectionLabel,
  statements,
  isEditing,
  canComment,
  actions,
  single = false,
  className,
  processLanguage,
  canAdd = true,
  moveTargets = [],
}: {
  section: string;
  sectionLabel: string;
  statements: Statement[];
  isEditing: boolean;
  canComment: boolean;
  actions: StatementActions;
  /** A headline: one statement, no ordering. */
  single?: boolean;
  className?: string;
  /**
   * The language the statements are written in. A bullet without a translation into the reader's
   * language is shown in this one, and is marked with it (WCAG 3.1.2).
   */
  processLanguage?: string;
  /**
   * Whether new bullets may be added. A new bullet is stored as the original text, so it is only
   * offered in the process language (in a translation it would put, say, English into bokmål).
   */
  canAdd?: boolean;
  /**
   * The other sections a bullet may be moved to, with how many bullets each has (a moved bullet
   * goes last). The keyboard alternative to dragging a bullet into another section.
   */
  moveTargets?: { section: string; label: string; count: number }[];
}) {
  const { t, locale } = useI18n();
  const [editingId, setEditingId] = useState<string>();
  const [draft, setDraft] = useState('');
  const [newText, setNewText] = useState('');
  const [newTextError, setNewTextError] = useState<string>();
  const [dropIndex, setDropIndex] = useState<number>();
  const [movingId, setMovingId] = useState<string>();
  const [moveTo, setMoveTo] = useState('');
  const otherSections = moveTargets.filter((target) => target.section !== section);
  const addFieldId = `add-${section}`;

  const stopEditing = (statement: Statement) => {
    setEditingId(undefined);
    focusSoon(`edit-${statement.id}`);
  };

  /**
   * After a delete the button that had focus is gone: focus goes to the next bullet, else the one
   * before, else the field that adds a bullet to this (now empty) section (WCAG 2.4.3).
   */
  const remove = async (statement: Statement, index: number) => {
    if (!(await actions.remove(statement))) return;
    const neighbour = statements[index + 1] ?? statements[index - 1];
    focusSoon(neighbour ? `edit-${neighbour.id}` : addFieldId);
  };

  const onDrop = (event: DragEvent<HTMLElement>, index: number) => {
    event.preventDefault();
    setDropIndex(undefined);
    const raw = event.dataTransfer.getData(dragType);
    if (!raw) return;
    const dragged = JSON.parse(raw) as Statement;
    if (single || dragged.section.startsWith('headline.')) return;
    void actions.move(dragged, index, dragged.section === section ? undefined : section);
  };

  const stopMoving = (statement: Statement) => {
    setMovingId(undefined);
    focusSoon(`move-to-${statement.id}`);
  };

  const submitMove = async (event: FormEvent, statement: Statement) => {
    event.preventDefault();
    const target = otherSections.find((candidate) => candidate.section === moveTo);
    if (!target) return;
    setMovingId(undefined);
    await actions.move(statement, target.count, target.section);
  };

  const submitEdit = async (event: FormEvent, statement: Statement) => {
    event.preventDefault();
    if (textLimitError(draft, textLimits.statementText, t)) return;
    if (await actions.edit(statement, draft)) stopEditing(statement);
  };

  const submitNew = async (event: FormEvent) => {
    event.preventDefault();
    if (!newText.trim()) {
      setNewTextError(t('statement.empty'));
      document.getElementById(addFieldId)?.focus();
      return;
    }
    if (textLimitError(newText, textLimits.statementText, t)) return;
    setNewTextError(undefined);
    if (await actions.add(section, newText)) setNewText('');
  };

  const text = (statement: Statement) => (
    <>
      <span
        className="statement__text"
        lang={
          statement.originalText === null && processLanguage && processLanguage !== locale
            ? processLanguage
            : undefined
        }
      >
        {statement.text}
      </span>
      {statement.isTruncated ? <span className="statement__note"> {t('canvas.truncated')}</span> : null}
    </>
  );

  if (!isEditing) {
    if (statements.length === 0) return <p className="canvas__empty">{t('canvas.empty')}</p>;
    if (single) {
      return (
        <p className={className}>
          {statements.map((statement) => (
            <span key={statement.id}>{text(statement)}</span>
          ))}
        </p>
      );
    }
    return (
      <ul className={`statement-list ${className ?? ''}`}>
        {statements.map((statement) => (
          <li key={statement.id} className="statement">
            {text(statement)}
            <span
              className="statement__evidence"
              title={t('canvas.evidenceLabel', { count: statement.evidenceCount })}
            >
              <span aria-hidden="true">{t('canvas.evidence', { count: statement.evidenceCount })}</span>
              <span className="visually-hidden">
                {t('canvas.evidenceLabel', { count: statement.evidenceCount })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="statement-editor">
      <ul
        className="statement-list statement-list--editing"
        onDragOver={(event) => {
          if (!single && event.dataTransfer.types.includes(dragType)) event.preventDefault();
        }}
        onDrop={(event) => onDrop(event, statements.length)}
      >
        {statements.map((statement, index) => (
          <li
            key={statement.id}
            id={`statement-${statement.id}`}
            className={`statement statement--editing${dropIndex === index ? ' statement--drop-target' : ''}`}
            draggable={!single && editingId !== statement.id}
            onDragStart={(event) => {
              event.dataTransfer.setData(dragType, JSON.stringify(statement));
              event.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(event) => {
              if (single || !event.dataTransfer.types.includes(dragType)) return;
              event.preventDefault();
              event.stopPropagation();
              setDropIndex(index);
            }}
            onDragLeave={() => setDropIndex(undefined)}
            onDrop={(event) => {
              event.stopPropagation();
              onDrop(event, index);
            }}
          >
            {movingId === statement.id ? (
              <form
                className="statement__form"
                noValidate
                onSubmit={(event) => void submitMove(event, statement)}
                onKeyDown={(event) => {
                  if (event.key !== 'Escape') return;
                  event.preventDefault();
                  stopMoving(statement);
                }}
              >
                <Field>
                  <Label>{t('statement.moveToLabel', { text: statement.text })}</Label>
                  <Select value={moveTo} onChange={(event) => setMoveTo(event.target.value)} autoFocus>
                    {otherSections.map((target) => (
                      <Select.Option key={target.section} value={target.section}>
                        {target.label}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                <div className="statement__buttons">
                  <Button type="submit" data-size="sm">
                    {t('statement.moveToSubmit')}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    data-size="sm"
                    onClick={() => stopMoving(statement)}
                  >
                    {t('statement.cancel')}
                  </Button>
                </div>
              </form>
            ) : editingId === statement.id ? (
              <form
                className="statement__form"
                noValidate
                onSubmit={(event) => void submitEdit(event, statement)}
                onKeyDown={(event) => {
                  if (event.key !== 'Escape') return;
                  event.preventDefault();
                  stopEditing(statement);
                }}
              >
                <Textfield
                  multiline
                  rows={3}
                  label={t('statement.text')}
                  maxLength={textLimits.statementText}
                  error={textLimitError(draft, textLimits.statementText, t)}
                  value={draft}
                  onChange={(event) => setDraft(event.target.value)}
                  autoFocus
                />
                <div className="statement__buttons">
                  <Button type="submit" data-size="sm">
                    {t('statement.save')}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    data-size="sm"
                    onClick={() => stopEditing(statement)}
                  >
                    {t('statement.cancel')}
                  </Button>
                </div>
              </form>
            ) : (
              <>
                <div className="statement__body">
                  {!single ? (
                    <span className="statement__handle" aria-hidden="true">
                      ⠿
                    </span>
                  ) : null}
                  {text(statement)}
                  <span className="statement__evidence">
                    <span aria-hidden="true">{t('canvas.evidence', { count: statement.evidenceCount })}</span>
                    <span className="visually-hidden">
                      {t('canvas.evidenceLabel', { count: statement.evidenceCount })}
                    </span>
                  </span>
                </div>
                <div className="statement__buttons">
                  <Button
                    id={`edit-${statement.id}`}
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('statement.editLabel', { text: statement.text })}
                    onClick={() => {
                      setDraft(statement.text);
                      setEditingId(statement.id);
                    }}
                  >
                    {t('statement.edit')}
                  </Button>
                  {!single ? (
                    <>
                      <Button
                        id={`up-${statement.id}`}
                        variant="tertiary"
                        data-size="sm"
                        disabled={index === 0}
                        aria-label={t('statement.moveUpLabel', { text: statement.text })}
                        onClick={() => void actions.move(statement, index - 1)}
                      >
                        {t('statement.moveUp')}
                      </Button>
                      <Button
                        id={`down-${statement.id}`}
                        variant="tertiary"
                        data-size="sm"
                        disabled={index === statements.length - 1}
                        aria-label={t('statement.moveDownLabel', { text: statement.text })}
                        onClick={() => void actions.move(statement, index + 1)}
                      >
                        {t('statement.moveDown')}
                      </Button>
                    </>
                  ) : null}
                  {!single && otherSections.length ? (
                    <Button
                      id={`move-to-${statement.id}`}
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('statement.moveToLabel', { text: statement.text })}
                      onClick={() => {
                        setMoveTo(otherSections[0]?.section ?? '');
                        setMovingId(statement.id);
                      }}
                    >
                      {t('statement.moveTo')}
                    </Button>
                  ) : null}
                  {canComment ? (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('statement.commentLabel', { text: statement.text })}
                      onClick={() => actions.comment(statement)}
                    >
                      {t('statement.comment')}
                    </Button>
                  ) : null}
                  <Button
                    id={`delete-${statement.id}`}
                    variant="tertiary"
                    data-color="danger"
                    data-size="sm"
                    aria-label={t('statement.deleteLabel', { text: statement.text })}
                    onClick={() => void remove(statement, index)}
                  >
                    {t('statement.delete')}
                  </Button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {canAdd && (!single || statements.length === 0) ? (
        <form className="statement__add" noValidate onSubmit={(event) => void submitNew(event)}>
          <Textfield
            id={addFieldId}
            label={t('statement.addTo', { section: sectionLabel })}
            maxLength={textLimits.statementText}
            error={newTextError ?? textLimitError(newText, textLimits.statementText, t)}
            value={newText}
            onChange={(event) => {
              setNewText(event.target.value);
              setNewTextError(undefined);
            }}
            data-size="sm"
          />
          <Button type="submit" variant="secondary" data-size="sm">
            {t('statement.add')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
