// jsdom has no CSS.escape, which Designsystemet's popover polyfill needs (stack.md §5).
const globalWithCss = globalThis as unknown as { CSS?: { escape?: (value: string) => string } };
globalWithCss.CSS ??= {};
globalWithCss.CSS.escape ??= (value: string) =>
  String(value).replace(/[^a-zA-Z0-9_\u00A0-\uFFFF-]/g, (c) => `\\${c}`);
