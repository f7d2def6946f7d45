import { useParams } from 'react-router-dom';

/** The :code of a /counties/:code/... route (the routes guarantee it is present). */
export function useCountyCode(): string {
  return useParams().code ?? '';
}
