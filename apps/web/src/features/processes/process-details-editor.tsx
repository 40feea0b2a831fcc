import { useState, type FormEvent } from 'react';
import {
  Button,
  Details,
  DetailsContent,
  DetailsSummary,
  Heading,
  Textfield,
} from '@digdir/designsystemet-react';
import type { ProcessOverview, Timeline } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { textLimits } from '../../lib/text-limits.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DeleteWithConfirmation } from './delete-with-confirmation.tsx';
import { editorError, FormOutcomeMessage, useFormOutcome, type SentFields } from './form-feedback.tsx';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

interface DetailsDraft {
  title: string;
  subtitle: string;
  commissionedBy: string;
  commissionedByFullName: string;
  mandate: string;
  principles: string;
}

function draftOf(overview: ProcessOverview): DetailsDraft {
  return {
    title: overview.title,
    subtitle: overview.subtitle ?? '',
    commissionedBy: overview.commissionedBy ?? '',
    commissionedByFullName: overview.commissionedByFullName ?? '',
    mandate: overview.mandate.join('\n'),
    principles: overview.principles.join('\n'),
  };
}

/**
 * The secretariat's edit mode on the process overview: the process text (in the process
 * language), deliverables and stakeholder bodies. Every save is audited on the server; text
 * changes are revisions in the history.
 */
export function ProcessDetailsEditor({
  overview,
  onSaved,
}: {
  overview: ProcessOverview;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const base = `/api/processes/${encodeURIComponent(overview.slug)}`;
  // edit the text as written (the process language), not a translation
  const lang = overview.language === 'en' ? 'en' : 'nb';
  const original = useApi(
    () => api.get<ProcessOverview>(`${base}?lang=${lang}`),
    `${overview.slug}-${lang}-edit`,
  );
  const plan = useApi(
    () => api.get<Timeline>(`${base}/timeline?lang=${lang}`),
    `${overview.slug}-${lang}-plan`,
  );
  const [timeline, setTimeline] = useState<Timeline>();
  const [draft, setDraft] = useState<DetailsDraft>();
  const { outcome, clear, succeeded, failed, fieldError } = useFormOutcome();
  const [message, setMessage] = useState('');
  const [newDeliverable, setNewDeliverable] = useState({ name: '', recipient: '', date: '' });
  const [newBody, setNewBody] = useState({ name: '', role: '' });
  const [edits, setEdits] = useState<Record<string, Record<string, string>>>({});

  const current = timeline ?? plan.data;
  const details = draft ?? (original.data ? draftOf(original.data) : undefined);

  // `form` names the form that was sent: its error or "saved" shows in it, next to its button.
  const run = async (
    form: string,
    work: () => Promise<unknown>,
    done?: string,
    sent: SentFields = {},
  ): Promise<boolean> => {
    clear();
    setMessage('');
    try {
      const result = await work();
      if (result && typeof result === 'object' && 'deliverables' in result) setTimeline(result as Timeline);
      const text = done ?? t('statement.saved');
      setMessage(text);
      succeeded(form, text);
      onSaved();
      return true;
    } catch (caught) {
      failed(form, editorError(caught, t, sent));
      return false;
    }
  };
  const focusHeading = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const deliverableFields = (values: { name: string; recipient: string; date: string }): SentFields => ({
    labels: {
      name: t('processEdit.deliverableName'),
      recipient: t('processEdit.recipient'),
      date: t('timeline.date'),
    },
    limits: { name: textLimits.deliverableName, recipient: textLimits.deliverableRecipient },
    values: { name: values.name, recipient: values.recipient || undefined, date: values.date },
  });
  const bodyFields = (values: { name: string; role: string }): SentFields => ({
    labels: { name: t('processEdit.bodyName'), role: t('processEdit.bodyRole') },
    limits: { name: textLimits.bodyName, role: textLimits.bodyRole },
    values: { name: values.name, role: values.role || undefined },
  });

  const field = (id: string, name: string, fallback: string) => edits[id]?.[name] ?? fallback;
  const setField = (id: string, name: string, value: string) =>
    setEdits((all) => ({ ...all, [id]: { ...all[id], [name]: value } }));

  const saveDetails = async (event: FormEvent) => {
    event.preventDefault();
    if (!details) return;
    await run(
      'details',
      () =>
        api.patch<ProcessOverview>(`${base}/details?lang=${lang}`, {
          title: details.title,
          subtitle: details.subtitle || null,
          commissionedBy: details.commissionedBy || null,
          commissionedByFullName: details.commissionedByFullName || null,
          mandate: lines(details.mandate),
          principles: lines(details.principles),
        }),
      undefined,
      {
        labels: {
          title: t('processEdit.processTitle'),
          subtitle: t('processEdit.subtitle'),
          commissionedBy: t('processEdit.commissionedBy'),
          commissionedByFullName: t('processEdit.commissionedByFullName'),
          mandate: t('process.mandate'),
          principles: t('process.principles'),
        },
        limits: {
          title: textLimits.processTitle,
          subtitle: textLimits.processSubtitle,
          commissionedBy: textLimits.commissionedBy,
          commissionedByFullName: textLimits.commissionedByFullName,
        },
        values: {
          title: details.title,
          subtitle: details.subtitle || undefined,
          commissionedBy: details.commissionedBy || undefined,
          commissionedByFullName: details.commissionedByFullName || undefined,
        },
      },
    );
  };

  const addDeliverable = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(
      'new-deliverable',
      () =>
        api.post<Timeline>(`${base}/deliverables?lang=${lang}`, {
          name: newDeliverable.name,
          recipient: newDeliverable.recipient || null,
          date: newDeliverable.date,
        }),
      undefined,
      deliverableFields(newDeliverable),
    );
    if (ok) setNewDeliverable({ name: '', recipient: '', date: '' });
  };

  const addBody = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(
      'new-body',
      () =>
        api.post<Timeline>(`${base}/bodies?lang=${lang}`, { name: newBody.name, role: newBody.role || null }),
      undefined,
      bodyFields(newBody),
    );
    if (ok) setNewBody({ name: '', role: '' });
  };

  return (
    <section aria-labelledby="process-edit-heading" className="plan-editor process-editor">
      <Heading level={2} data-size="md" id="process-edit-heading">
        {t('processEdit.title')}
      </Heading>
      <div role="status" aria-live="polite" className="visually-hidden">
        {message}
      </div>
      {details ? (
        <form
          className="plan-editor__form"
          aria-labelledby="process-text-heading"
          onSubmit={(event) => void saveDetails(event)}
        >
          <Heading level={3} data-size="xs" id="process-text-heading">
            {t('processEdit.texts')}
          </Heading>
          <Textfield
            label={t('processEdit.processTitle')}
            maxLength={textLimits.processTitle}
            required
            error={fieldError('details', 'title')}
            value={details.title}
            onChange={(e) => setDraft({ ...details, title: e.target.value })}
          />
          <Textfield
            label={t('processEdit.subtitle')}
            maxLength={textLimits.processSubtitle}
            error={fieldError('details', 'subtitle')}
            value={details.subtitle}
            onChange={(e) => setDraft({ ...details, subtitle: e.target.value })}
          />
          <Textfield
            label={t('processEdit.commissionedBy')}
            maxLength={textLimits.commissionedBy}
            error={fieldError('details', 'commissionedBy')}
            value={details.commissionedBy}
            onChange={(e) => setDraft({ ...details, commissionedBy: e.target.value })}
          />
          <Textfield
            label={t('processEdit.commissionedByFullName')}
            maxLength={textLimits.commissionedByFullName}
            error={fieldError('details', 'commissionedByFullName')}
            value={details.commissionedByFullName}
            onChange={(e) => setDraft({ ...details, commissionedByFullName: e.target.value })}
          />
          <Textfield
            multiline
            rows={5}
            label={t('process.mandate')}
            description={t('processEdit.oneBulletPerLine')}
            error={fieldError('details', 'mandate')}
            value={details.mandate}
            onChange={(e) => setDraft({ ...details, mandate: e.target.value })}
          />
          <Textfield
            multiline
            rows={5}
            label={t('process.principles')}
            description={t('processEdit.oneBulletPerLine')}
            error={fieldError('details', 'principles')}
            value={details.principles}
            onChange={(e) => setDraft({ ...details, principles: e.target.value })}
          />
          <FormOutcomeMessage outcome={outcome} form="details" />
          <Button type="submit" data-size="sm">
            {t('processEdit.saveTexts')}
          </Button>
        </form>
      ) : null}

      {current ? (
        <>
          <Heading level={3} data-size="xs" id="edit-deliverables-heading" tabIndex={-1}>
            {t('processEdit.deliverables')}
          </Heading>
          {current.deliverables.map((deliverable) => (
            <form
              key={deliverable.id}
              className="plan-editor__form"
              aria-label={t('processEdit.deliverableLabel', { name: deliverable.name })}
              onSubmit={(event) => {
                event.preventDefault();
                void run(
                  `deliverable:${deliverable.id}`,
                  () =>
                    api.patch<Timeline>(`${base}/deliverables/${deliverable.id}?lang=${lang}`, {
                      name: field(deliverable.id, 'name', deliverable.name),
                      recipient: field(deliverable.id, 'recipient', deliverable.recipient ?? '') || null,
                      date: field(deliverable.id, 'date', deliverable.date),
                    }),
                  undefined,
                  deliverableFields({
                    name: field(deliverable.id, 'name', deliverable.name),
                    recipient: field(deliverable.id, 'recipient', deliverable.recipient ?? ''),
                    date: field(deliverable.id, 'date', deliverable.date),
                  }),
                );
              }}
            >
              <Textfield
                label={t('processEdit.deliverableName')}
                maxLength={textLimits.deliverableName}
                required
                error={fieldError(`deliverable:${deliverable.id}`, 'name')}
                value={field(deliverable.id, 'name', deliverable.name)}
                onChange={(e) => setField(deliverable.id, 'name', e.target.value)}
              />
              <Textfield
                label={t('processEdit.recipient')}
                maxLength={textLimits.deliverableRecipient}
                error={fieldError(`deliverable:${deliverable.id}`, 'recipient')}
                value={field(deliverable.id, 'recipient', deliverable.recipient ?? '')}
                onChange={(e) => setField(deliverable.id, 'recipient', e.target.value)}
              />
              <Textfield
                type="date"
                label={t('timeline.date')}
                required
                error={fieldError(`deliverable:${deliverable.id}`, 'date')}
                value={field(deliverable.id, 'date', deliverable.date)}
                onChange={(e) => setField(deliverable.id, 'date', e.target.value)}
              />
              <FormOutcomeMessage outcome={outcome} form={`deliverable:${deliverable.id}`} />
              <DeleteWithConfirmation
                name={deliverable.name}
                saveButton={
                  <Button type="submit" data-size="sm" variant="secondary">
                    {t('statement.save')}
                  </Button>
                }
                onDelete={async () => {
                  const ok = await run(
                    `deliverable:${deliverable.id}`,
                    () => api.delete<Timeline>(`${base}/deliverables/${deliverable.id}?lang=${lang}`),
                    t('processEdit.deletedNamed', { name: deliverable.name }),
                  );
                  if (ok) focusHeading('edit-deliverables-heading');
                  return ok;
                }}
              />
            </form>
          ))}
          <form
            className="plan-editor__form"
            aria-labelledby="add-deliverable-heading"
            onSubmit={(event) => void addDeliverable(event)}
          >
            <Heading level={4} data-size="2xs" id="add-deliverable-heading">
              {t('processEdit.addDeliverable')}
            </Heading>
            <Textfield
              label={t('processEdit.deliverableName')}
              maxLength={textLimits.deliverableName}
              required
              error={fieldError('new-deliverable', 'name')}
              value={newDeliverable.name}
              onChange={(e) => setNewDeliverable({ ...newDeliverable, name: e.target.value })}
            />
            <Textfield
              label={t('processEdit.recipient')}
              maxLength={textLimits.deliverableRecipient}
              error={fieldError('new-deliverable', 'recipient')}
              value={newDeliverable.recipient}
              onChange={(e) => setNewDeliverable({ ...newDeliverable, recipient: e.target.value })}
            />
            <Textfield
              type="date"
              label={t('timeline.date')}
              required
              error={fieldError('new-deliverable', 'date')}
              value={newDeliverable.date}
              onChange={(e) => setNewDeliverable({ ...newDeliverable, date: e.target.value })}
            />
            <FormOutcomeMessage outcome={outcome} form="new-deliverable" />
            <Button type="submit" data-size="sm">
              {t('processEdit.addDeliverable')}
            </Button>
          </form>

          <Heading level={3} data-size="xs" id="edit-bodies-heading" tabIndex={-1}>
            {t('plan.bodies')}
          </Heading>
          {current.bodies.map((body) => (
            <Details key={body.id}>
              <DetailsSummary>
                {body.name} ({t('plan.memberCount', { count: body.members.length })})
              </DetailsSummary>
              <DetailsContent>
                <form
                  className="plan-editor__form"
                  aria-label={t('processEdit.bodyLabel', { name: body.name })}
                  onSubmit={(event) => {
                    event.preventDefault();
                    void run(
                      `body:${body.id}`,
                      () =>
                        api.patch<Timeline>(`${base}/bodies/${body.id}?lang=${lang}`, {
                          name: field(body.id, 'name', body.name),
                          role: field(body.id, 'role', body.role ?? '') || null,
                          members: lines(field(body.id, 'members', body.members.join('\n'))),
                        }),
                      undefined,
                      bodyFields({
                        name: field(body.id, 'name', body.name),
                        role: field(body.id, 'role', body.role ?? ''),
                      }),
                    );
                  }}
                >
                  <Textfield
                    label={t('processEdit.bodyName')}
                    maxLength={textLimits.bodyName}
                    required
                    error={fieldError(`body:${body.id}`, 'name')}
                    value={field(body.id, 'name', body.name)}
                    onChange={(e) => setField(body.id, 'name', e.target.value)}
                  />
                  <Textfield
                    label={t('processEdit.bodyRole')}
                    maxLength={textLimits.bodyRole}
                    error={fieldError(`body:${body.id}`, 'role')}
                    value={field(body.id, 'role', body.role ?? '')}
                    onChange={(e) => setField(body.id, 'role', e.target.value)}
                  />
                  <Textfield
                    multiline
                    rows={4}
                    label={t('plan.membersOf', { name: body.name })}
                    description={t('plan.membersHint')}
                    error={fieldError(`body:${body.id}`, 'members')}
                    value={field(body.id, 'members', body.members.join('\n'))}
                    onChange={(e) => setField(body.id, 'members', e.target.value)}
                  />
                  <FormOutcomeMessage outcome={outcome} form={`body:${body.id}`} />
                  <DeleteWithConfirmation
                    name={body.name}
                    saveButton={
                      <Button type="submit" data-size="sm" variant="secondary">
                        {t('statement.save')}
                      </Button>
                    }
                    onDelete={async () => {
                      const ok = await run(
                        `body:${body.id}`,
                        () => api.delete<Timeline>(`${base}/bodies/${body.id}?lang=${lang}`),
                        t('processEdit.deletedNamed', { name: body.name }),
                      );
                      if (ok) focusHeading('edit-bodies-heading');
                      return ok;
                    }}
                  />
                </form>
              </DetailsContent>
            </Details>
          ))}
          <form
            className="plan-editor__form"
            aria-labelledby="add-body-heading"
            onSubmit={(event) => void addBody(event)}
          >
            <Heading level={4} data-size="2xs" id="add-body-heading">
              {t('processEdit.addBody')}
            </Heading>
            <Textfield
              label={t('processEdit.bodyName')}
              maxLength={textLimits.bodyName}
              required
              error={fieldError('new-body', 'name')}
              value={newBody.name}
              onChange={(e) => setNewBody({ ...newBody, name: e.target.value })}
            />
            <Textfield
              label={t('processEdit.bodyRole')}
              maxLength={textLimits.bodyRole}
              error={fieldError('new-body', 'role')}
              value={newBody.role}
              onChange={(e) => setNewBody({ ...newBody, role: e.target.value })}
            />
            <FormOutcomeMessage outcome={outcome} form="new-body" />
            <Button type="submit" data-size="sm">
              {t('processEdit.addBody')}
            </Button>
          </form>
        </>
      ) : null}
    </section>
  );
}
