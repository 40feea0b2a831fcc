import { useState } from 'react';
import { useParams } from 'react-router';
import {
  Button,
  Heading,
  List,
  ListItem,
  ListUnordered,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from '@digdir/designsystemet-react';
import type { ProcessOverview } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';
import { ProcessStatusPanel } from './process-status-panel.tsx';
import { ProcessDetailsEditor } from './process-details-editor.tsx';

/** The process overview: mandate, principles, milestones, bodies and rounds. */
export function ProcessOverviewPage() {
  const { slug = '' } = useParams();
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const state = useApi(
    () => api.get<ProcessOverview>(`/api/processes/${encodeURIComponent(slug)}?lang=${locale}`),
    `${slug}-${locale}`,
  );
  const [isEditing, setIsEditing] = useState(false);
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <ErrorState error={state.error} />;
  const overview = state.data;
  if (!overview) return null;
  return (
    <article className="process-overview">
      <Heading level={1} data-size="lg">
        {overview.title}
      </Heading>
      {overview.subtitle ? <Paragraph data-size="lg">{overview.subtitle}</Paragraph> : null}
      <dl className="facts">
        {overview.commissionedBy ? (
          <div>
            <dt>{t('process.commissionedBy')}</dt>
            <dd>{overview.commissionedByFullName ?? overview.commissionedBy}</dd>
          </div>
        ) : null}
        {overview.assignedTo ? (
          <div>
            <dt>{t('process.assignedTo')}</dt>
            <dd>{overview.assignedTo}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('process.myRole')}</dt>
          <dd>{overview.myRole ? t(`role.${overview.myRole}`) : t('role.admin')}</dd>
        </div>
      </dl>
      {overview.canEdit ? (
        <Button
          variant="secondary"
          data-size="sm"
          aria-expanded={isEditing}
          aria-controls={isEditing ? 'process-editor' : undefined}
          onClick={() => setIsEditing(!isEditing)}
        >
          {isEditing ? t('processEdit.done') : t('processEdit.edit')}
        </Button>
      ) : null}
      {isEditing ? (
        <div id="process-editor">
          <ProcessDetailsEditor overview={overview} onSaved={state.reload} />
        </div>
      ) : null}
      <ProcessStatusPanel slug={overview.slug} />
      <div className="two-columns">
        <section aria-labelledby="mandate-heading">
          <Heading level={2} data-size="md" id="mandate-heading">
            {t('process.mandate')}
          </Heading>
          <ListUnordered>
            {overview.mandate.map((item) => (
              <ListItem key={item}>{item}</ListItem>
            ))}
          </ListUnordered>
        </section>
        <section aria-labelledby="principles-heading">
          <Heading level={2} data-size="md" id="principles-heading">
            {t('process.principles')}
          </Heading>
          <List.Unordered>
            {overview.principles.map((item) => (
              <ListItem key={item}>{item}</ListItem>
            ))}
          </List.Unordered>
        </section>
      </div>
      <section aria-labelledby="milestones-heading">
        <Heading level={2} data-size="md" id="milestones-heading">
          {t('process.milestones')}
        </Heading>
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('process.date')}</TableHeaderCell>
              <TableHeaderCell>{t('process.milestone')}</TableHeaderCell>
              <TableHeaderCell>{t('process.kind')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {overview.milestones.map((milestone) => (
              <TableRow key={milestone.id}>
                <TableCell>{formatDate(milestone.date)}</TableCell>
                <TableCell>{milestone.title}</TableCell>
                <TableCell>{t(`milestone.kind.${milestone.kind}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="rounds-heading">
        <Heading level={2} data-size="md" id="rounds-heading">
          {t('process.rounds')}
        </Heading>
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('process.round')}</TableHeaderCell>
              <TableHeaderCell>{t('process.deadline')}</TableHeaderCell>
              <TableHeaderCell>{t('process.status')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {overview.rounds.map((round) => (
              <TableRow key={round.id}>
                <TableCell>{round.title}</TableCell>
                <TableCell>{formatDateTime(round.deadline)}</TableCell>
                <TableCell>
                  <Tag data-color={round.effectiveStatus === 'open' ? 'success' : 'neutral'}>
                    {t(`round.status.${round.effectiveStatus}`)}
                  </Tag>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="bodies-heading">
        <Heading level={2} data-size="md" id="bodies-heading">
          {t('process.bodies')}
        </Heading>
        <ListUnordered>
          {overview.bodies.map((body) => (
            <ListItem key={body.id}>
              {body.name}
              {body.role ? ` – ${body.role}` : ''}
            </ListItem>
          ))}
        </ListUnordered>
      </section>
    </article>
  );
}
