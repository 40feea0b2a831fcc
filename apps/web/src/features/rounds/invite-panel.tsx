import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
} from '@digdir/designsystemet-react';
import type { ActorListResponse, InvitationListResponse, InviteActorsResponse } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { secretariatErrorMessage } from './secretariat-errors.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Invite registered actors (one secret link each) and list the emails sent or written to the outbox. */
export function InvitePanel({
  slug,
  path,
  onInvited,
}: {
  slug: string;
  path: string;
  onInvited: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const actors = useApi(
    () => api.get<ActorListResponse>(`/api/processes/${encodeURIComponent(slug)}/actors`),
    `actors-${slug}`,
  );
  const invitations = useApi(
    () => api.get<InvitationListResponse>(`${path}/invitations`),
    `invitations-${path}`,
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [issued, setIssued] = useState<InviteActorsResponse['issued']>([]);
  const [error, setError] = useState<string>();
  const invitedIds = new Set(invitations.data?.invitations.map((row) => row.actorId));
  const candidates = (actors.data?.actors ?? []).filter((actor) => !invitedIds.has(actor.id));
  const invite = async () => {
    setError(undefined);
    try {
      const result = await api.post<InviteActorsResponse>(`${path}/invitations`, { actorIds: selected });
      setIssued(result.issued);
      setSelected([]);
      invitations.reload();
      onInvited();
    } catch (caught) {
      setError(secretariatErrorMessage(caught, t));
    }
  };
  return (
    <section aria-labelledby="invite-heading" className="form-stack">
      <Heading level={2} data-size="md" id="invite-heading">
        {t('invite.title')}
      </Heading>
      {candidates.length ? (
        <Fieldset>
          <FieldsetLegend>{t('invite.choose')}</FieldsetLegend>
          {candidates.map((actor) => (
            <Checkbox
              key={actor.id}
              id={`invite-${actor.id}`}
              label={`${actor.name}${actor.contactEmails.length ? ` (${actor.contactEmails.join(', ')})` : ''}`}
              checked={selected.includes(actor.id)}
              onChange={(event) =>
                setSelected(
                  event.target.checked ? [...selected, actor.id] : selected.filter((id) => id !== actor.id),
                )
              }
            />
          ))}
        </Fieldset>
      ) : null}
      <div>
        <Button type="button" disabled={selected.length === 0} onClick={() => void invite()}>
          {t('invite.submit')}
        </Button>
      </div>
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      {issued.length ? (
        <Alert data-color="success">
          <Paragraph>{t('invite.issued', { count: issued.length })}</Paragraph>
          <ul data-testid="invitation-links">
            {issued.map((row) => (
              <li key={row.actorId}>
                {row.actorName}: <a href={row.link}>{row.link}</a>{' '}
                {row.emailedTo.length ? `(${row.emailedTo.join(', ')})` : `(${t('invite.noEmail')})`}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {invitations.data?.emails.length ? (
        <>
          <Heading level={3} data-size="sm">
            {t('invite.outbox')}
          </Heading>
          <Paragraph data-size="sm">{t('invite.outboxHint')}</Paragraph>
          <ul>
            {invitations.data.emails.map((email) => (
              <li key={email.id}>
                {formatDateTime(email.sentAt)} – {email.recipient} – {email.subject}
                {email.outboxFile ? ` (outbox/${email.outboxFile})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
