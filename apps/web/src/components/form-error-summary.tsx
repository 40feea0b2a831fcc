import {
  ErrorSummary,
  ErrorSummaryHeading,
  ErrorSummaryItem,
  ErrorSummaryLink,
  ErrorSummaryList,
} from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n.tsx';

/** The list of problems at the top of a form, each linking to its field (WCAG 3.3.1). */
export function FormErrorSummary({ errors }: { errors: { fieldId: string; message: string }[] }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummaryHeading>{t('form.errorSummary')}</ErrorSummaryHeading>
      <ErrorSummaryList>
        {errors.map((error) => (
          <ErrorSummaryItem key={error.fieldId + error.message}>
            <ErrorSummaryLink href={`#${error.fieldId}`}>{error.message}</ErrorSummaryLink>
          </ErrorSummaryItem>
        ))}
      </ErrorSummaryList>
    </ErrorSummary>
  );
}
