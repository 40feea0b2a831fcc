import { resolve } from 'node:path';
import { z } from 'zod';
import { InvalidConfigurationError } from '@innspill/core';

/**
 * The server's whole configuration, parsed once at start-up. This is the only file that reads
 * `process.env` (conventions §12); every problem is reported at once, naming the setting.
 */
export interface ServerConfig {
  port: number;
  host: string;
  dataFolder: string;
  databaseUrl: string | undefined;
  /** The URL people reach the app on; used in links printed and emailed. */
  publicUrl: string;
  /** Mark cookies Secure: on when publicUrl is https. */
  isSecureCookies: boolean;
  /** Trust X-Forwarded-* from a reverse proxy. */
  isBehindProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  shouldLoadDemo: boolean;
  shouldMigrate: boolean;
}

const EnvSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((port) => port >= 0 && port <= 65535, 'must be between 0 and 65535')
    .optional(),
  HOST: z.string().min(1).optional(),
  INNSPILL_DATA: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must start with postgres:// or postgresql://')
    .optional(),
  INNSPILL_PUBLIC_URL: z.url().optional(),
  INNSPILL_BEHIND_PROXY: z.enum(['true', 'false']).optional(),
  INNSPILL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).optional(),
  INNSPILL_LOAD_DEMO: z.enum(['true', 'false']).optional(),
  INNSPILL_SKIP_MIGRATIONS: z.enum(['true', 'false']).optional(),
});

export interface ConfigOverrides {
  port?: string | undefined;
  dataFolder?: string | undefined;
}

/** Parses configuration from the environment and command-line overrides (`--port`, `--data`). */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: ConfigOverrides = {},
): ServerConfig {
  const input = {
    ...pickDefined(env, Object.keys(EnvSchema.shape)),
    ...(overrides.port !== undefined ? { PORT: overrides.port } : {}),
    ...(overrides.dataFolder !== undefined ? { INNSPILL_DATA: overrides.dataFolder } : {}),
  };
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'configuration');
      const shown = key === 'DATABASE_URL' ? '' : ` (got "${String(input[key as keyof typeof input])}")`;
      return `${key}: ${issue.message}${shown}`;
    });
    throw new InvalidConfigurationError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  const port = values.PORT ?? 3000;
  const host = values.HOST ?? '0.0.0.0';
  const publicUrl = (values.INNSPILL_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host,
    dataFolder: resolve(values.INNSPILL_DATA ?? './data'),
    databaseUrl: values.DATABASE_URL,
    publicUrl,
    isSecureCookies: publicUrl.startsWith('https://'),
    isBehindProxy: values.INNSPILL_BEHIND_PROXY === 'true',
    logLevel: values.INNSPILL_LOG_LEVEL ?? 'warn',
    shouldLoadDemo: values.INNSPILL_LOAD_DEMO !== 'false',
    shouldMigrate: values.INNSPILL_SKIP_MIGRATIONS !== 'true',
  };
}

function pickDefined(env: Record<string, string | undefined>, keys: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  return picked;
}
