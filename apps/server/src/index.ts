/** @module @innspill/server — the HTTP adapter and composition root. */
export { buildApp, type BuiltApp } from './app.ts';
export { startServer, type RunningServer } from './start-server.ts';
export type { AppDependencies } from './app-context.ts';
export type { RegisteredRoute, RouteAccess } from './plugins/route-access.ts';
export { sendControlRequest, controlSocketPath } from './control-socket.ts';
