/**
 * @module themes — the theme tree of a process: candidate themes grouped under strategic themes,
 * which carry the numbers people cite. Themes are addressed by id; canvases (in `strategies`)
 * hang off strategic themes.
 */
export * from './theme.ts';
export * from './themes.policies.ts';
export { createStrategicTheme } from './create-strategic-theme.ts';
export { moveStrategicTheme } from './move-strategic-theme.ts';
export { getTheme } from './get-theme.ts';
export { listThemes } from './list-themes.ts';
export {
  findThemeByNumber,
  findThemeOfProcess,
  findThemesOfProcess,
  insertTheme,
  type NewThemeRow,
  type ThemeRow,
} from './themes.repository.ts';
