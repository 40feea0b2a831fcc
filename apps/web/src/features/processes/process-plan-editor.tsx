import { useState, type FormEvent } from 'react';
import {
  Button,
  Details,
  DetailsContent,
  DetailsSummary,
  Field,
  Heading,
  Label,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import type { Timeline } from '@innspill/contracts';
import {
  involvementEventKinds,
  milestoneKinds as vocabularyMilestoneKinds,
  type MilestoneKind,
} from '@innspill/vocabulary';
import { api } from '../../lib/api-client.ts';
import { textLimits } from '../../lib/text-limits.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { editorError, FormOutcomeMessage, useFormOutcome } from './form-feedback.tsx';

const eventKinds = involvementEventKinds;
/** The milestone kinds in the order the form offers them (the most common first). */
const milestoneKindOrder: Record<MilestoneKind, number> = {
  meeting: 0,
  deadline: 1,
  deliverable: 2,
  launch: 3,
};
const milestoneKinds = [...vocabularyMilestoneKinds].sort(
  (a, b) => milestoneKindOrder[a] - milestoneKindOrder[b],
);

/** The secretariat's tools on the timeline: log involvement, add milestones, keep body members. */
export function ProcessPlanEditor({
  slug,
  timeline,
  onChange,
}: {
  slug: string;
  timeline: Timeline;
  onChange: (next: Timeline) => void;
}) {
  const { t, locale } = useI18n();
  const base = `/api/processes/${encodeURIComponent(slug)}`;
  const { outcome, clear, succeeded, failed, fieldError } = useFormOutcome();
  const [message, setMessage] = useState('');
  const [event, setEvent] = useState({ date: '', kind: 'meeting', bodyId: '', notes: '' });
  const [milestone, setMilestone] = useState({ date: '', title: '', kind: 'meeting' });
  const [members, setMembers] = useState<Record<string, string>>({});

  // `form` names the form that was sent: its error or "saved" shows in it, next to its button.
  const run = async (
    form: string,
    work: () => Promise<Timeline>,
    sent: Record<string, string | undefined> = {},
  ): Promise<boolean> => {
    clear();
    setMessage('');
    try {
      onChange(await work());
      setMessage(t('statement.saved'));
      succeeded(form, t('statement.saved'));
      return true;
    } catch (caught) {
      failed(
        form,
        editorError(caught, t, {
          labels: { date: t('timeline.date'), notes: t('timeline.detail'), title: t('timeline.what') },
          limits: { notes: textLimits.involvementNotes, title: textLimits.milestoneTitle },
          values: sent,
        }),
      );
      return false;
    }
  };

  const logEvent = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const ok = await run(
      'event',
      () =>
        api.post<Timeline>(`${base}/involvement-events?lang=${locale}`, {
          date: event.date,
          kind: event.kind,
          bodyId: event.bodyId || null,
          notes: event.notes,
        }),
      { notes: event.notes },
    );
    if (ok) setEvent({ date: '', kind: 'meeting', bodyId: '', notes: '' });
  };

  const addMilestone = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const ok = await run(
      'milestone',
      () => api.post<Timeline>(`${base}/milestones?lang=${locale}`, milestone),
      {
        title: milestone.title,
      },
    );
    if (ok) setMilestone({ date: '', title: '', kind: 'meeting' });
  };

  return (
    <section aria-labelledby="plan-editor-heading" className="plan-editor">
      <Heading level={2} data-size="sm" id="plan-editor-heading">
        {t('plan.title')}
      </Heading>
      <div role="status" aria-live="polite" className="visually-hidden">
        {message}
      </div>
      <div className="plan-editor__forms">
        <form
          onSubmit={(formEvent) => void logEvent(formEvent)}
          className="plan-editor__form"
          aria-labelledby="log-event-heading"
        >
          <Heading level={3} data-size="xs" id="log-event-heading">
            {t('plan.logEvent')}
          </Heading>
          <Textfield
            type="date"
            label={t('timeline.date')}
            required
            error={fieldError('event', 'date')}
            value={event.date}
            onChange={(e) => setEvent({ ...event, date: e.target.value })}
          />
          <Field>
            <Label>{t('timeline.type')}</Label>
            <Select value={event.kind} onChange={(e) => setEvent({ ...event, kind: e.target.value })}>
              {eventKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`plan.eventKind.${kind}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('plan.body')}</Label>
            <Select value={event.bodyId} onChange={(e) => setEvent({ ...event, bodyId: e.target.value })}>
              <option value="">{t('plan.noBody')}</option>
              {timeline.bodies.map((body) => (
                <option key={body.id} value={body.id}>
                  {body.name}
                </option>
              ))}
            </Select>
          </Field>
          <Textfield
            multiline
            rows={2}
            label={t('timeline.detail')}
            maxLength={textLimits.involvementNotes}
            error={fieldError('event', 'notes')}
            value={event.notes}
            onChange={(e) => setEvent({ ...event, notes: e.target.value })}
          />
          <FormOutcomeMessage outcome={outcome} form="event" />
          <Button type="submit" data-size="sm">
            {t('plan.logEventButton')}
          </Button>
        </form>
        <form
          onSubmit={(formEvent) => void addMilestone(formEvent)}
          className="plan-editor__form"
          aria-labelledby="add-milestone-heading"
        >
          <Heading level={3} data-size="xs" id="add-milestone-heading">
            {t('plan.addMilestone')}
          </Heading>
          <Textfield
            type="date"
            label={t('timeline.date')}
            required
            error={fieldError('milestone', 'date')}
            value={milestone.date}
            onChange={(e) => setMilestone({ ...milestone, date: e.target.value })}
          />
          <Textfield
            label={t('timeline.what')}
            required
            maxLength={textLimits.milestoneTitle}
            error={fieldError('milestone', 'title')}
            value={milestone.title}
            onChange={(e) => setMilestone({ ...milestone, title: e.target.value })}
          />
          <Field>
            <Label>{t('timeline.type')}</Label>
            <Select
              value={milestone.kind}
              onChange={(e) => setMilestone({ ...milestone, kind: e.target.value })}
            >
              {milestoneKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`milestone.kind.${kind}`)}
                </option>
              ))}
            </Select>
          </Field>
          <FormOutcomeMessage outcome={outcome} form="milestone" />
          <Button type="submit" data-size="sm">
            {t('plan.addMilestoneButton')}
          </Button>
        </form>
      </div>
      <Heading level={3} data-size="xs">
        {t('plan.bodies')}
      </Heading>
      {timeline.bodies.map((body) => (
        <Details key={body.id}>
          <DetailsSummary>
            {body.name} ({t('plan.memberCount', { count: body.members.length })})
          </DetailsSummary>
          <DetailsContent>
            <form
              className="plan-editor__form"
              onSubmit={(formEvent) => {
                formEvent.preventDefault();
                const text = members[body.id] ?? body.members.join('\n');
                void run(`members:${body.id}`, () =>
                  api.patch<Timeline>(`${base}/bodies/${body.id}?lang=${locale}`, {
                    members: text.split('\n'),
                  }),
                );
              }}
            >
              <Textfield
                multiline
                rows={4}
                label={t('plan.membersOf', { name: body.name })}
                description={t('plan.membersHint')}
                error={fieldError(`members:${body.id}`, 'members')}
                value={members[body.id] ?? body.members.join('\n')}
                onChange={(e) => setMembers({ ...members, [body.id]: e.target.value })}
              />
              <FormOutcomeMessage outcome={outcome} form={`members:${body.id}`} />
              <Button type="submit" data-size="sm" variant="secondary">
                {t('statement.save')}
              </Button>
            </form>
          </DetailsContent>
        </Details>
      ))}
    </section>
  );
}
