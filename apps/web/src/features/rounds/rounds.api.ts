import type { ErrorResponse } from '@innspill/contracts';
import { ApiError } from '../../lib/api-client.ts';

/** Uploads files as multipart/form-data (the JSON client cannot), with the session's CSRF token when signed in. */
export async function uploadFiles<T>(
  path: string,
  files: File[],
  csrfToken: string | null | undefined,
): Promise<T> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, parsed as ErrorResponse | undefined);
  return parsed as T;
}

export { actorTypes, questionKinds } from '@innspill/vocabulary';
