import { useCallback, useEffect, useState } from 'preact/hooks';
import { type Problem, problemOf } from './client.ts';

// Loads something for a page: its data, its error, and a way to load it again.

export function useLoad<T>(load: () => Promise<{ data?: T; error?: unknown }>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Problem | undefined>(undefined);
  const reload = useCallback(async () => {
    const answer = await load().catch((e: unknown) => ({ error: e, data: undefined }));
    if (answer.data !== undefined) {
      setData(answer.data);
      setError(undefined);
    } else setError(problemOf(answer.error));
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, setData };
}
