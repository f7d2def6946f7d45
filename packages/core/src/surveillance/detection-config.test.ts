import { describe, expect, it } from 'vitest';
import { defaultMethods, subjectMethods } from './detection-config.js';
import { planDetection } from './plan-detection.js';

describe('detection configuration', () => {
  it('runs the immediate signal alone for an immediate disease and merges a subject’s settings', () => {
    expect(subjectMethods('immediate-disease', null)).toEqual([{ method: 'immediate', params: { threshold: 1 } }]);
    const methods = subjectMethods('disease', {
      methods: { 'moving-percentile': { percentile: 90 }, 'ears-c1': false, farrington: false },
    });
    expect(methods.map((config) => config.method)).toEqual(['moving-percentile', 'ears-c2', 'ears-c3', 'cusum']);
    expect(methods[0]).toEqual({ method: 'moving-percentile', params: { b: 3, w: 2, percentile: 90 } });
  });

  it('rejects unknown methods, invalid parameters and rangeStart with Chinese messages', () => {
    expect(() => subjectMethods('signal', { methods: { magic: {} } })).toThrow('未知的预警方法“magic”');
    expect(() => subjectMethods('signal', { methods: { 'moving-percentile': { percentile: 120 } } })).toThrow(
      '参数 percentile'
    );
    expect(() => subjectMethods('signal', { methods: { 'ears-c2': { rangeStart: '2025-01-01' } } })).toThrow(
      'rangeStart'
    );
    expect(() => subjectMethods('signal', ['ears-c2'])).toThrow('预警设置无效');
  });
});

describe('planDetection', () => {
  const days = 4 * 365;
  const dates = Array.from({ length: days }, (_, index) =>
    new Date(Date.UTC(2022, 0, 1 + index)).toISOString().slice(0, 10)
  );
  const counts = Array.from({ length: days }, (_, index) => index % 3);

  it('assesses only the last day, alarming on a spike', () => {
    const spiked = [...counts.slice(0, -1), 15];
    const outcomes = planDetection(dates, spiked, defaultMethods('disease'));
    expect(outcomes.map((outcome) => [outcome.method, outcome.alarm])).toEqual([
      ['moving-percentile', true],
      ['ears-c1', true],
      ['ears-c2', true],
      ['ears-c3', false],
      ['cusum', true],
      ['farrington', true],
    ]);
    expect(outcomes.find((outcome) => outcome.method === 'moving-percentile')?.observed).toBe(
      15 + 0 + 2 + 1 + 0 + 2 + 1
    );
  });

  it('gives no result for a method without enough history', () => {
    const short = planDetection(dates.slice(-40), counts.slice(-40), defaultMethods('disease'));
    expect(short.map((outcome) => outcome.method)).toEqual(['ears-c1', 'ears-c2', 'ears-c3', 'cusum']);
  });
});
