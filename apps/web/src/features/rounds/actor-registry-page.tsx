import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Textfield,
} from '@digdir/designsystemet-react';
import type { ActorImportReport, ActorListResponse, ActorType } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadingState } from '../../components/page-states.tsx';
import { RoundsErrorState } from './rounds-error-state.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { actorTypes, uploadFiles } from './rounds.api.ts';
import {
  actorIssueMessage,
  localiseSecretariatError,
  secretariatErrorMessage,
} from './secretariat-errors.ts';

/** `/p/:slug/actors`: the actor registry, a form to add one, and CSV/XLSX import with a preview. */
export function ActorRegistryPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const { session } = useSession();
  const path = `/api/processes/${encodeURIComponent(slug)}/actors`;
  const state = useApi(() => api.get<ActorListResponse>(path), path);
  const [name, setName] = useState('');
  const [type, setType] = useState<ActorType>('universitet');
  const [organisationNumber, setOrganisationNumber] = useState('');
  const [emails, setEmails] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string }>();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ActorImportReport>();
  const [importError, setImportError] = useState<string>();
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <RoundsErrorState error={state.error} />;
  const data = state.data;
  if (!data) return null;

  async function add(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(undefined);
    try {
      await api.post(path, {
        name,
        type,
        organisationNumber: organisationNumber || null,
        contactEmails: emails.split(/[,;\s]+/).filter(Boolean),
      });
      setName('');
      setOrganisationNumber('');
      setEmails('');
      setMessage({ tone: 'success', text: t('rounds.saved') });
      state.reload();
    } catch (caught) {
      const localised = localiseSecretariatError(caught, t);
      setErrors(localised.fields);
      setMessage({ tone: 'danger', text: localised.message });
    }
  }
  async function runImport(isDryRun: boolean) {
    if (!file) return;
    setImportError(undefined);
    try {
      const report = await uploadFiles<ActorImportReport>(
        `${path}/import?dryRun=${isDryRun}`,
        [file],
        session?.csrfToken,
      );
      setPreview(report);
      if (!isDryRun) state.reload();
    } catch (caught) {
      setImportError(secretariatErrorMessage(caught, t));
    }
  }
  const fieldIds: Record<string, string> = {
    name: 'actor-name',
    organisationNumber: 'actor-org',
    contactEmails: 'actor-emails',
    type: 'actor-type',
  };
  const labelKeys: Record<string, string> = {
    name: 'actors.name',
    organisationNumber: 'actors.orgNumber',
    contactEmails: 'actors.emails',
    type: 'actors.type',
  };
  const summary = Object.entries(errors).map(([field, text]) => ({
    fieldId: fieldIds[field] ?? 'actor-name',
    message: labelKeys[field] ? `${t(labelKeys[field])}: ${text}` : text,
  }));
  return (
    <article>
      <Heading level={1} data-size="lg">
        {t('actors.title')}
      </Heading>
      {data.actors.length === 0 ? (
        <Paragraph>{t('actors.none')}</Paragraph>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('actors.name')}</TableHeaderCell>
              <TableHeaderCell>{t('actors.type')}</TableHeaderCell>
              <TableHeaderCell>{t('actors.orgNumber')}</TableHeaderCell>
              {data.canManage ? <TableHeaderCell>{t('actors.emails')}</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.actors.map((actor) => (
              <TableRow key={actor.id}>
                <TableCell>{actor.name}</TableCell>
                <TableCell>{t(`actorType.${actor.type}`)}</TableCell>
                <TableCell>{actor.organisationNumber ?? ''}</TableCell>
                {data.canManage ? <TableCell>{actor.contactEmails.join(', ')}</TableCell> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data.canManage ? (
        <>
          <section aria-labelledby="actor-add-heading" className="narrow">
            <Heading level={2} data-size="md" id="actor-add-heading">
              {t('actors.add')}
            </Heading>
            <form onSubmit={(event) => void add(event)} className="form-stack" noValidate>
              <FormErrorSummary errors={summary} />
              {message && summary.length === 0 ? (
                <Alert data-color={message.tone}>{message.text}</Alert>
              ) : null}
              <Textfield
                id="actor-name"
                label={t('actors.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={errors.name}
              />
              <div className="field">
                <label htmlFor="actor-type">{t('actors.type')}</label>
                <Select id="actor-type" value={type} onChange={(e) => setType(e.target.value as ActorType)}>
                  {actorTypes.map((value) => (
                    <option key={value} value={value}>
                      {t(`actorType.${value}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <Textfield
                id="actor-org"
                label={t('actors.orgNumber')}
                description={t('actors.orgNumberHint')}
                inputMode="numeric"
                value={organisationNumber}
                onChange={(e) => setOrganisationNumber(e.target.value)}
                error={errors.organisationNumber}
              />
              <Textfield
                id="actor-emails"
                label={t('actors.emails')}
                description={t('actors.emailsHint')}
                value={emails}
                onChange={(e) => setEmails(e.target.value)}
                error={errors.contactEmails}
              />
              <div>
                <Button type="submit">{t('actors.add')}</Button>
              </div>
            </form>
          </section>
          <section aria-labelledby="actor-import-heading" className="form-stack">
            <Heading level={2} data-size="md" id="actor-import-heading">
              {t('actors.import')}
            </Heading>
            <div className="field">
              <label htmlFor="actor-import-file">{t('import.files')}</label>
              <p className="field-description" id="actor-import-hint">
                {t('actors.importHint')}
              </p>
              <input
                id="actor-import-file"
                type="file"
                accept=".csv,.xlsx,text/csv"
                aria-describedby="actor-import-hint"
                onChange={(e) => {
                  setFile(e.target.files?.[0]);
                  setPreview(undefined);
                }}
              />
            </div>
            <div className="button-row">
              <Button type="button" variant="secondary" disabled={!file} onClick={() => void runImport(true)}>
                {t('actors.preview')}
              </Button>
              {preview && !preview.isCommitted && preview.errorCount === 0 && preview.createCount > 0 ? (
                <Button type="button" onClick={() => void runImport(false)}>
                  {t('actors.commit', { count: preview.createCount })}
                </Button>
              ) : null}
            </div>
            <div aria-live="polite">
              {importError ? <Alert data-color="danger">{importError}</Alert> : null}
            </div>
            {preview ? (
              <Table>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>#</TableHeaderCell>
                    <TableHeaderCell>{t('actors.name')}</TableHeaderCell>
                    <TableHeaderCell>{t('actors.type')}</TableHeaderCell>
                    <TableHeaderCell>{t('actors.orgNumber')}</TableHeaderCell>
                    <TableHeaderCell>{t('actors.status')}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.rows.map((row) => (
                    <TableRow key={row.line}>
                      <TableCell>{row.line}</TableCell>
                      <TableCell>{row.name}</TableCell>
                      <TableCell>{t(`actorType.${row.type}`)}</TableCell>
                      <TableCell>{row.organisationNumber ?? ''}</TableCell>
                      <TableCell>
                        {row.issues.length
                          ? row.issues.map((issue) => actorIssueMessage(issue, t)).join(' ')
                          : row.isDuplicate
                            ? t('actors.duplicate')
                            : t('actors.ok')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
          </section>
        </>
      ) : null}
    </article>
  );
}
