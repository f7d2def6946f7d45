/** Calendar dates in health-record requests: validated YYYY-MM-DD, and today as the counties reckon it. */
import { beijingDate, isIsoDate } from '@chp/core';
import { z } from 'zod';

export const isoDateSchema = z.string().refine(isIsoDate, '日期应为存在的日期，格式 YYYY-MM-DD');

/** Today's date in Beijing time, YYYY-MM-DD. */
export function today(): string {
  return beijingDate();
}
