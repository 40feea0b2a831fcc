import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-client.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  reload: () => void;
}

/** Loads JSON from the API and reloads when the key (usually the path) changes. */
export function useApi<T>(load: () => Promise<T>, key: string): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    load()
      .then((value) => {
        if (!isCurrent) return;
        setData(value);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (!isCurrent) return;
        setError(caught instanceof ApiError ? caught : new ApiError(0, undefined));
      })
      .finally(() => {
        if (isCurrent) setIsLoading(false);
      });
    return () => {
      isCurrent = false;
    };
    // `key` identifies the request; `load` is a new closure on every render.
  }, [key, generation]);
  return { data, error, isLoading, reload };
}
