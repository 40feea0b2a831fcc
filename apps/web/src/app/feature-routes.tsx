import type { ReactElement } from 'react';

/**
 * Pages below /p/:slug contributed by feature modules, e.g. `{ path: 'rounds', element: <RoundListPage /> }`.
 * Keep in step with `navigation.ts`.
 */
export interface FeatureRoute {
  path: string;
  element: ReactElement;
}

export const processFeatureRoutes: FeatureRoute[] = [];

/** Pages outside a process (public round pages, published strategies): `{ path: '/r/:token', … }`. */
export const publicFeatureRoutes: FeatureRoute[] = [];
