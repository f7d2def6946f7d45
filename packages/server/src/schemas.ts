/** Zod pieces reused by several routes. */
import { z } from 'zod';

export const countyCodeSchema = z.string().regex(/^\d{6}$/, '县代码应为 6 位数字');
export const orgUnitCodeSchema = z.string().regex(/^(00|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '机构/区划代码格式不正确');
export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const countyParams = z.object({ code: countyCodeSchema });
export const numericIdParams = z.object({ id: z.coerce.number().int().positive() });
