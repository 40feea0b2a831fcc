import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ImportReport, Question } from '@innspill/contracts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { uploadFiles } from './rounds.api.ts';
import { UnmatchedSubmissions } from './unmatched-submissions.tsx';
import { importProblemMessage, secretariatErrorMessage } from './secretariat-errors.ts';

const fixedTargets = ['actor', 'organisation_number', 'submitter_name', 'submitter_email'] as const;

/** The tables in the report, each with its headers and the column each was read as. */
function tablesOf(report: ImportReport | undefined) {
  return (report?.files ?? []).flatMap((file) =>
    file.columns?.length ? [{ fileName: file.fileName, columns: file.columns }] : [],
  );
}

/**
 * Bulk import of responses: always a dry run first, then all-or-nothing per file. A dry run of a
 * CSV/XLSX shows its columns; the secretariat maps each to a question, the actor or the submitter
 * (or ignores it), runs the dry run again, and imports with that mapping. Each table is mapped on
 * its own, so files with different layouts can be imported together. Letters whose
 * organisation was not recognised are matched to a registered actor by hand afterwards.
 */
export function ImportPanel({
  slug,
  path,
  questions,
  onImported,
}: {
  slug: string;
  path: string;
  questions: Question[];
  onImported: () => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const [files, setFiles] = useState<File[]>([]);
  const [report, setReport] = useState<ImportReport>();
  /** File name → header → target: only the columns the secretariat changed. */
  const [mapping, setMapping] = useState<Record<string, Record<string, string>>>({});
  const [isMappingChanged, setIsMappingChanged] = useState(false);
  const [error, setError] = useState<string>();
  const [importCount, setImportCount] = useState(0);
  const run = async (isDryRun: boolean) => {
    setError(undefined);
    try {
      const query = Object.keys(mapping).length
        ? `&fileMapping=${encodeURIComponent(JSON.stringify(mapping))}`
        : '';
      const result = await uploadFiles<ImportReport>(
        `${path}/imports?dryRun=${isDryRun}${query}`,
        files,
        session?.csrfToken,
      );
      setReport(result);
      setIsMappingChanged(false);
      if (!isDryRun) {
        setImportCount((value) => value + 1);
        onImported();
      }
    } catch (caught) {
      setError(secretariatErrorMessage(caught, t));
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
            setMapping({});
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
          disabled={!report?.isDryRun || report.submissionCount === 0 || isMappingChanged}
          onClick={() => void run(false)}
        >
          {t('import.commit')}
        </Button>
      </div>
      {report?.isDryRun && tablesOf(report).length ? (
        <div className="form-stack" data-testid="column-mapping">
          <p className="field-description">{t('import.mapping.hint')}</p>
          {tablesOf(report).map(({ fileName, columns }, fileIndex) => (
            <fieldset key={fileName} className="form-stack">
              <legend>{t('import.mapping.fileTitle', { fileName })}</legend>
              {columns.map(({ header, target }, index) => {
                const id = `import-column-${fileIndex}-${index}`;
                return (
                  <div key={header} className="field">
                    <label htmlFor={id}>{t('import.mapping.column', { header })}</label>
                    <select
                      id={id}
                      value={mapping[fileName]?.[header] ?? target}
                      onChange={(event) => {
                        setMapping({
                          ...mapping,
                          [fileName]: { ...mapping[fileName], [header]: event.target.value },
                        });
                        setIsMappingChanged(true);
                      }}
                    >
                      <option value="ignore">{t('import.mapping.ignore')}</option>
                      {fixedTargets.map((value) => (
                        <option key={value} value={value}>
                          {t(`import.mapping.${value}`)}
                        </option>
                      ))}
                      {questions.map((question) => (
                        <option key={question.id} value={`q${question.position}`}>
                          {t('import.mapping.question', { number: question.position, text: question.text })}
                        </option>
                      ))}
                    </select>
                  </div>
                );
              })}
            </fieldset>
          ))}
          {isMappingChanged ? <Alert data-color="info">{t('import.mapping.rerun')}</Alert> : null}
        </div>
      ) : null}
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
                      {importProblemMessage(problem, t)}
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
      <UnmatchedSubmissions slug={slug} path={path} refreshKey={importCount} />
    </section>
  );
}
