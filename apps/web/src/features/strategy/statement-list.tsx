import { useState, type DragEvent, type FormEvent } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import type { Statement } from '@innspill/contracts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface StatementActions {
  edit: (statement: Statement, text: string) => Promise<boolean>;
  move: (statement: Statement, position: number, section?: string) => Promise<void>;
  remove: (statement: Statement) => Promise<void>;
  add: (section: string, text: string) => Promise<boolean>;
  comment: (statement: Statement) => void;
}

const dragType = 'application/x-innspill-statement';

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
}) {
  const { t } = useI18n();
  const [editingId, setEditingId] = useState<string>();
  const [draft, setDraft] = useState('');
  const [newText, setNewText] = useState('');
  const [dropIndex, setDropIndex] = useState<number>();

  const onDrop = (event: DragEvent<HTMLElement>, index: number) => {
    event.preventDefault();
    setDropIndex(undefined);
    const raw = event.dataTransfer.getData(dragType);
    if (!raw) return;
    const dragged = JSON.parse(raw) as Statement;
    if (single || dragged.section.startsWith('headline.')) return;
    void actions.move(dragged, index, dragged.section === section ? undefined : section);
  };

  const submitEdit = async (event: FormEvent, statement: Statement) => {
    event.preventDefault();
    if (await actions.edit(statement, draft)) {
      setEditingId(undefined);
      requestAnimationFrame(() => document.getElementById(`edit-${statement.id}`)?.focus());
    }
  };

  const submitNew = async (event: FormEvent) => {
    event.preventDefault();
    if (!newText.trim()) return;
    if (await actions.add(section, newText)) setNewText('');
  };

  const text = (statement: Statement) => (
    <>
      <span className="statement__text" lang={statement.originalText ? 'en' : undefined}>
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
            {editingId === statement.id ? (
              <form className="statement__form" onSubmit={(event) => void submitEdit(event, statement)}>
                <Textfield
                  multiline
                  rows={3}
                  label={t('statement.text')}
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
                    onClick={() => setEditingId(undefined)}
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
                    variant="tertiary"
                    data-color="danger"
                    data-size="sm"
                    aria-label={t('statement.deleteLabel', { text: statement.text })}
                    onClick={() => void actions.remove(statement)}
                  >
                    {t('statement.delete')}
                  </Button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {!single || statements.length === 0 ? (
        <form className="statement__add" onSubmit={(event) => void submitNew(event)}>
          <Textfield
            label={t('statement.addTo', { section: sectionLabel })}
            value={newText}
            onChange={(event) => setNewText(event.target.value)}
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
