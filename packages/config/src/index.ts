/**
 * @module @innspill/config — the runtime settings of the server and the CLI, parsed once from the
 * environment (the only place that reads `process.env`, conventions §12).
 */
export { loadConfig, type ServerConfig, type ConfigOverrides } from './config.ts';
