import { join, resolve } from 'node:path';
import { z } from 'zod';
import { InvalidConfigurationError } from '@innspill/core';

/**
 * The server's whole configuration, parsed once at start-up (by the server and by the CLI, which
 * opens the same database and files). This is the only file that reads `process.env`
 * (conventions §12); every problem is reported at once, naming the setting.
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
  /** Per-file upload limit in bytes (INNSPILL_MAX_UPLOAD_MB, default 25). */
  maxUploadBytes: number;
  /** Outgoing email: SMTP when configured, otherwise `.eml` files in `<data folder>/outbox/`. */
  email: { smtpUrl: string | undefined; from: string; outboxFolder: string };
  /** Uploaded files: `<data folder>/files/`. */
  filesFolder: string;
  /** How often the in-process job runner polls the jobs table, in ms. */
  jobPollMs: number;
  /**
   * Requests per minute per client address on the public respondent write routes
   * (INNSPILL_PUBLIC_RATE_LIMIT, default 60). Reads get five times as many, uploads a third.
   * Raised by load tests and benchmarks; production keeps the default.
   */
  publicRateLimitPerMinute: number;
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
  INNSPILL_MAX_UPLOAD_MB: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of megabytes')
    .transform(Number)
    .refine((megabytes) => megabytes >= 1 && megabytes <= 1024, 'must be between 1 and 1024')
    .optional(),
  SMTP_URL: z
    .string()
    .refine((url) => /^smtps?:\/\//.test(url), 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((port) => port > 0 && port <= 65535, 'must be between 1 and 65535')
    .optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_FROM: z.string().min(3).optional(),
  INNSPILL_JOB_POLL_MS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((ms) => ms >= 10 && ms <= 600_000, 'must be between 10 and 600000')
    .optional(),
  INNSPILL_PUBLIC_RATE_LIMIT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of requests per minute')
    .transform(Number)
    .refine((max) => max >= 1 && max <= 10_000_000, 'must be between 1 and 10000000')
    .optional(),
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
      const shown =
        key === 'DATABASE_URL' || key.startsWith('SMTP_')
          ? ''
          : ` (got "${String(input[key as keyof typeof input])}")`;
      return `${key}: ${issue.message}${shown}`;
    });
    throw new InvalidConfigurationError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  if (
    values.SMTP_URL === undefined &&
    values.SMTP_HOST === undefined &&
    (values.SMTP_USER || values.SMTP_PASS || values.SMTP_PORT)
  ) {
    throw new InvalidConfigurationError(
      'Invalid configuration:\n  SMTP_HOST: required when SMTP_PORT, SMTP_USER or SMTP_PASS is set',
    );
  }
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
    maxUploadBytes: (values.INNSPILL_MAX_UPLOAD_MB ?? 25) * 1024 * 1024,
    email: {
      smtpUrl: values.SMTP_URL ?? smtpUrlFromParts(values),
      from: values.SMTP_FROM ?? `Innspill <innspill@${new URL(publicUrl).hostname}>`,
      outboxFolder: join(resolve(values.INNSPILL_DATA ?? './data'), 'outbox'),
    },
    filesFolder: join(resolve(values.INNSPILL_DATA ?? './data'), 'files'),
    jobPollMs: values.INNSPILL_JOB_POLL_MS ?? 1000,
    publicRateLimitPerMinute: values.INNSPILL_PUBLIC_RATE_LIMIT ?? 60,
  };
}

function smtpUrlFromParts(values: {
  SMTP_HOST?: string | undefined;
  SMTP_PORT?: number | undefined;
  SMTP_USER?: string | undefined;
  SMTP_PASS?: string | undefined;
  SMTP_SECURE?: 'true' | 'false' | undefined;
}): string | undefined {
  if (!values.SMTP_HOST) return undefined;
  const scheme = values.SMTP_SECURE === 'true' ? 'smtps' : 'smtp';
  const auth = values.SMTP_USER
    ? `${encodeURIComponent(values.SMTP_USER)}${values.SMTP_PASS ? `:${encodeURIComponent(values.SMTP_PASS)}` : ''}@`
    : '';
  return `${scheme}://${auth}${values.SMTP_HOST}:${values.SMTP_PORT ?? (scheme === 'smtps' ? 465 : 587)}`;
}

function pickDefined(env: Record<string, string | undefined>, keys: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  return picked;
}
