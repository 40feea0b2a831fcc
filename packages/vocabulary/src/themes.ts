/** Where a theme stands: found or named (`candidate`), chosen and numbered (`strategic`), or set aside. */
export const themeStages = ['candidate', 'strategic', 'dropped'] as const;
export type ThemeStage = (typeof themeStages)[number];

/** How a theme came about: named by people, or discovered in the input. */
export const themeOrigins = ['manual', 'discovered'] as const;
export type ThemeOrigin = (typeof themeOrigins)[number];
