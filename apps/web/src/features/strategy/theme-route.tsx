import type { ReactElement } from 'react';
import { Navigate, useParams } from 'react-router';
import type { StrategyOverview } from '@innspill/contracts';
import { api, ApiError } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';

/** A path segment that is a theme's display number (the old links) rather than its id. */
export function isThemeNumber(segment: string): boolean {
  return /^[1-9]\d{0,5}$/.test(segment);
}

/**
 * The page of one theme (`strategy/themes/:themeId…`). Themes are addressed by id; a link from
 * before that (`strategy/themes/3`, perhaps bookmarked) is sent on to the id of the strategic theme
 * with that number now, in place of the old entry in the history.
 */
export function ThemeRoute({ page, suffix = '' }: { page: ReactElement; suffix?: '' | '/history' }) {
  const { slug = '', themeId = '' } = useParams();
  return isThemeNumber(themeId) ? (
    <ThemeNumberRedirect slug={slug} number={Number(themeId)} suffix={suffix} />
  ) : (
    page
  );
}

function ThemeNumberRedirect({ slug, number, suffix }: { slug: string; number: number; suffix: string }) {
  const url = `/api/processes/${encodeURIComponent(slug)}/strategy`;
  const overview = useApi(() => api.get<StrategyOverview>(url), url);
  if (overview.error) return <ErrorState error={overview.error} />;
  if (!overview.data) return <LoadingState />;
  const theme = overview.data.themes.find((entry) => entry.number === number);
  if (!theme) return <ErrorState error={new ApiError(404, undefined)} />;
  return <Navigate replace to={`/p/${encodeURIComponent(slug)}/strategy/themes/${theme.id}${suffix}`} />;
}
