import type { ReactElement } from 'react';
import { AuditLogPage } from '../features/audit/audit-log-page.tsx';
import { StrategyOverviewPage } from '../features/strategy/strategy-overview-page.tsx';
import { CanvasPage } from '../features/strategy/canvas-page.tsx';
import { HistoryPage } from '../features/strategy/history-page.tsx';
import { ThemeRoute } from '../features/strategy/theme-route.tsx';
import { TimelinePage } from '../features/processes/timeline-page.tsx';
import { RoundListPage } from '../features/rounds/round-list-page.tsx';
import { RoundDetailPage } from '../features/rounds/round-detail-page.tsx';
import { ActorRegistryPage } from '../features/rounds/actor-registry-page.tsx';
import { PublicRoundPage } from '../features/rounds/public-round-page.tsx';
import { RespondentPage } from '../features/rounds/respondent-page.tsx';
import { SubmissionDetailPage, SubmissionListPage } from '../features/rounds/submission-pages.tsx';

/**
 * Pages below /p/:slug contributed by feature modules, e.g. `{ path: 'rounds', element: <RoundListPage /> }`.
 * Keep in step with `navigation.ts`.
 */
export interface FeatureRoute {
  path: string;
  element: ReactElement;
}

export const processFeatureRoutes: FeatureRoute[] = [
  { path: 'audit', element: <AuditLogPage /> },
  { path: 'timeline', element: <TimelinePage /> },
  { path: 'rounds', element: <RoundListPage /> },
  { path: 'rounds/:number', element: <RoundDetailPage /> },
  { path: 'rounds/:number/submissions', element: <SubmissionListPage /> },
  { path: 'rounds/:number/submissions/:submissionId', element: <SubmissionDetailPage /> },
  { path: 'actors', element: <ActorRegistryPage /> },
  { path: 'strategy', element: <StrategyOverviewPage /> },
  { path: 'strategy/history', element: <HistoryPage scope="goals" /> },
  // themes are addressed by id; old links by number (`strategy/themes/3`) are redirected
  { path: 'strategy/themes/:themeId', element: <ThemeRoute page={<CanvasPage />} /> },
  {
    path: 'strategy/themes/:themeId/history',
    element: <ThemeRoute page={<HistoryPage scope="theme" />} suffix="/history" />,
  },
];

/** Pages outside a process (public round pages, published strategies): `{ path: '/r/:token', … }`. */
export const publicFeatureRoutes: FeatureRoute[] = [
  { path: '/r/:roundId', element: <PublicRoundPage /> },
  { path: '/i/:token', element: <RespondentPage /> },
];
