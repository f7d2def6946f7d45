/** Calendar dates in health-record requests: validated YYYY-MM-DD, and today as the counties reckon it. */
import { isIsoDate } from '@chp/core';
import { z } from 'zod';

export const isoDateSchema = z.string().refine(isIsoDate, '日期应为存在的日期，格式 YYYY-MM-DD');

// Every county is in China: a day starts at midnight Beijing time, whatever the server's zone.
const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today's date in Beijing time, YYYY-MM-DD. */
export function today(): string {
  return BEIJING_DAY.format(new Date());
}
