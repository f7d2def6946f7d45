import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CountySummary } from '@chp/core';
import { listCounties } from '../api/counties.js';
import { useAsync, type AsyncState } from './use-async.js';

const LAST_COUNTY_KEY = 'chp.county';

interface Counties {
  state: AsyncState<CountySummary[]>;
  /** The county last chosen, for pages whose URL names none (e.g. /approvals). */
  lastCode: string | null;
  remember: (code: string) => void;
}

const CountiesContext = createContext<Counties | null>(null);

export function CountiesProvider({ children }: { children: ReactNode }) {
  const state = useAsync(listCounties, []);
  const [lastCode, setLastCode] = useState(() => localStorage.getItem(LAST_COUNTY_KEY));
  const remember = useCallback((code: string) => {
    localStorage.setItem(LAST_COUNTY_KEY, code);
    setLastCode(code);
  }, []);
  const value = useMemo(() => ({ state, lastCode, remember }), [state, lastCode, remember]);
  return <CountiesContext.Provider value={value}>{children}</CountiesContext.Provider>;
}

export function useCounties(): Counties {
  const ctx = useContext(CountiesContext);
  if (!ctx) throw new Error('useCounties outside CountiesProvider');
  return ctx;
}

/** The county to show: the remembered one if still accessible, else the first with a plan. */
export function pickCounty(counties: CountySummary[], lastCode: string | null): CountySummary | undefined {
  return counties.find((c) => c.countyCode === lastCode) ?? counties.find((c) => c.hasPlan) ?? counties[0];
}
