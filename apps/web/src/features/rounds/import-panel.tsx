import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ImportReport } from '@innspill/contracts';
import { ApiError } from '../../lib/api-client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { uploadFiles } from './rounds.api.ts';

/** Bulk import of responses: always a dry run first, then all-or-nothing per file. */
export function ImportPanel({ path, onImported }: { path: string; onImported: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [files, setFiles] = useState<File[]>([]);
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();
  const run = async (isDryRun: boolean) => {
    setError(undefined);
    try {
      const result = await uploadFiles<ImportReport>(
        `${path}/imports?dryRun=${isDryRun}`,
        files,
        session?.csrfToken,
      );
      setReport(result);
      if (!isDryRun) onImported();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('app.error.generic'));
    }
  };
  return (
    <section aria-labelledby="import-heading" className="form-stack">
      <Heading level={2} data-size="md" id="import-heading">
        {t('import.title')}
      </Heading>
      <div className="field">
        <label htmlFor="import-files">{t('import.files')}</label>
        <p className="field-description" id="import-files-hint">
          {t('import.hint')}
        </p>
        <input
          id="import-files"
          type="file"
          multiple
          aria-describedby="import-files-hint"
          onChange={(event) => {
            setFiles(Array.from(event.target.files ?? []));
            setReport(undefined);
          }}
        />
      </div>
      <div className="button-row">
        <Button
          type="button"
          variant="secondary"
          disabled={files.length === 0}
          onClick={() => void run(true)}
        >
          {t('import.dryRun')}
        </Button>
        <Button
          type="button"
          disabled={!report?.isDryRun || report.submissionCount === 0}
          onClick={() => void run(false)}
        >
          {t('import.commit')}
        </Button>
      </div>
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      {report ? (
        <div aria-live="polite">
          <Paragraph>
            {t(report.isDryRun ? 'import.wouldCreate' : 'import.created', { count: report.submissionCount })}
          </Paragraph>
          {report.failedFileCount ? (
            <Alert data-color="warning">{t('import.failedFiles', { count: report.failedFileCount })}</Alert>
          ) : null}
          <ul>
            {report.files.map((file) => (
              <li key={file.fileName}>
                <strong>{file.fileName}</strong>: {file.status === 'ok' ? file.submissionCount : '✗'}
                <ul>
                  {file.problems.map((problem, index) => (
                    <li key={`p${index}`}>
                      {problem.line ? `${t('import.line', { line: problem.line })}: ` : ''}
                      {problem.message}
                    </li>
                  ))}
                  {file.unmatched.map((row, index) => (
                    <li key={`u${index}`}>
                      {row.line ? `${t('import.line', { line: row.line })}: ` : ''}
                      {t('import.unmatched', { name: row.name })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
