import { useCallback, useEffect, useState } from 'react';

export interface AsyncState<T> {
  /** The latest answer (kept while a newer request runs). */
  data: T | undefined;
  /** The error of the current request, if it failed. */
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: Error | undefined;
}

/**
 * Runs `load` whenever `deps` (primitives) change and on reload. Answers are tagged with the request they
 * belong to, so a late answer to an older request is ignored and `loading` needs no state of its own.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ key: '', data: undefined, error: undefined });
  const key = `${JSON.stringify(deps)}#${tick}`;

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setSettled({ key, data, error: undefined });
      },
      (err: unknown) => {
        if (current) {
          setSettled((prev) => ({ key, data: prev.data, error: err instanceof Error ? err : new Error(String(err)) }));
        }
      }
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the caller's deps, which `load` uses
  }, [key]);

  const reload = useCallback(() => {
    setTick((n) => n + 1);
  }, []);
  const loading = settled.key !== key;
  return { data: settled.data, error: loading ? undefined : settled.error, loading, reload };
}
