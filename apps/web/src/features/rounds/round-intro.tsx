import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PublicRound } from '@innspill/contracts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Title, purpose, deadline and how answers are used: the top of every respondent page. */
export function RoundIntro({ round }: { round: PublicRound }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <Heading level={1} data-size="lg">
        {round.title}
      </Heading>
      <Paragraph>
        <strong>{t('respond.deadline', { deadline: formatDateTime(round.deadline) })}</strong>
      </Paragraph>
      {round.purpose ? <Paragraph className="pre-line">{round.purpose}</Paragraph> : null}
      {round.publicationNote ? (
        <>
          <Heading level={2} data-size="sm">
            {t('respond.howUsed')}
          </Heading>
          <Paragraph className="pre-line">{round.publicationNote}</Paragraph>
        </>
      ) : null}
    </>
  );
}

export function RoundStateAlert({ round, isLate }: { round: PublicRound; isLate: boolean }) {
  const { t } = useI18n();
  if (isLate) return <Alert data-color="warning">{t('respond.late')}</Alert>;
  if (round.effectiveStatus === 'closed') return <Alert data-color="info">{t('respond.closed')}</Alert>;
  if (round.effectiveStatus === 'scheduled') return <Alert data-color="info">{t('respond.notOpen')}</Alert>;
  return null;
}
