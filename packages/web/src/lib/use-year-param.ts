import { useSearchParams } from 'react-router-dom';
import { defaultPlanYear, PLAN_YEARS } from './format.js';

/** The ?year= of the URL (a plan year), defaulting to the current year capped to the plan period. */
export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('year'));
  const year = (PLAN_YEARS as readonly number[]).includes(raw) ? raw : defaultPlanYear();
  const setYear = (next: number): void => {
    setParams(
      (prev) => {
        prev.set('year', String(next));
        return prev;
      },
      { replace: true }
    );
  };
  return [year, setYear];
}
