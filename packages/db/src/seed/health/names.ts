/**
 * Chinese names for synthetic residents and team members: the commonest surnames weighted by their share of
 * the population (公安部户政管理研究中心《2020年全国姓名报告》, top 30 ≈ 70 %), and given names of one or two
 * characters from lists typical of people born before and after 1980.
 */
import type { KnownSex } from '@chp/core';
import type { Random } from '../random.js';
import { pickIndex } from '../registers/sampling.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹';
/** Shares (%) of the surnames above. */
const SURNAME_SHARES = [
  7.1, 7.0, 6.7, 5.4, 4.5, 3.1, 2.2, 2.0, 1.9, 1.9, 1.5, 1.5, 1.5, 1.3, 1.3, 1.2, 1.2, 1.1, 1.1, 1.0, 1.0, 0.9, 0.8,
  0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.6,
];

const GIVEN: Readonly<Record<'older' | 'younger', Readonly<Record<KnownSex, string>>>> = {
  older: {
    '1': '国建军平明华志伟强福德林海春永忠兴宝成文东生荣贵庆山树宏利金',
    '2': '秀英兰玉桂芳凤珍霞红梅丽琴云华淑敏素芬春燕萍菊花香莲娟荣彩',
  },
  younger: {
    '1': '浩宇轩子涵博文杰俊磊鹏涛晨阳凯鑫昊天睿泽然奕航思远辰宸铭',
    '2': '欣怡子涵雨萱梓诗琪佳悦思彤语嘉一婷晓雪瑶颖静慧馨妍可蕾',
  },
};

function character(random: Random, from: string): string {
  return from.charAt(Math.floor(random() * from.length));
}

/**
 * A name for a person of the given sex born in `birthYear`: older people more often have one character.
 * `surname` is the family's, when the person takes the father's.
 */
export function chineseName(random: Random, sex: KnownSex, birthYear: number, surname?: string): string {
  const family = surname ?? SURNAMES.charAt(pickIndex(random, SURNAME_SHARES));
  const pool = GIVEN[birthYear < 1980 ? 'older' : 'younger'][sex];
  const single = random() < (birthYear < 1980 ? 0.35 : 0.15);
  return family + character(random, pool) + (single ? '' : character(random, pool));
}

const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '182',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '185',
  '186',
  '133',
  '153',
  '177',
  '180',
  '181',
  '189',
  '199',
];

/** An 11-digit mobile number (中国移动/联通/电信 prefixes). */
export function mobileNumber(random: Random): string {
  const prefix = MOBILE_PREFIXES[Math.floor(random() * MOBILE_PREFIXES.length)] ?? '138';
  return prefix + String(Math.floor(random() * 1e8)).padStart(8, '0');
}
