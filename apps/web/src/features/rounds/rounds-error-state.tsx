import type { ApiError } from '../../lib/api-client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState } from '../../components/page-states.tsx';
import { secretariatErrorMessage } from './secretariat-errors.ts';

/** A secretariat round page's failed load, with the error in the reader's language. */
export function RoundsErrorState({ error }: { error: ApiError }) {
  const { t } = useI18n();
  return <ErrorState error={error} message={secretariatErrorMessage(error, t)} />;
}
