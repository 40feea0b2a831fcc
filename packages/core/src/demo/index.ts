/** @module demo — the example workspace (UH digitalisation strategy 2021). */
export { loadDemoWorkspace, readDemoDocuments, demoProcessSlug } from './load-demo-workspace.ts';
export { DemoDocumentSchema, type DemoDocument } from './demo-document.ts';
