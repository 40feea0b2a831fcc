/**
 * @module exchange — a whole process as one JSON document (export, import, the document format)
 * and the demo strategy loader. On top of `processes`, `plan`, `rounds` and `strategies`; nothing
 * in those depends on it (see docs/decisions/process-plan-module.md).
 */
export * from './exchange.errors.ts';
export { exportProcess, type ProcessExport } from './export-process.ts';
export { importProcess, type ImportProcessOptions } from './import-process.ts';
export {
  parseProcessDocument,
  formatIssuePath,
  ProcessDocumentSchema,
  type ProcessDocument,
} from './process-document.ts';
export { loadDemoStrategy } from './load-demo-strategy.ts';
