import { describe, expect, it } from 'vitest';
import { jsonErrorPosition } from './json-error-position.js';

describe('jsonErrorPosition', () => {
  it.each([
    ['{"type": "FeatureCollection", "features": []}', null],
    [' [1, -2.5e3, "a\\u00e9\\n", true, false, null, {}] ', null],
    ['{\n  "features": [}\n', { line: 2, column: 16 }],
    ['{"a": 1,}', { line: 1, column: 9 }],
    ['{"a" 1}', { line: 1, column: 6 }],
    ['[1, 2', { line: 1, column: 6 }],
    ['{"a": tru}', { line: 1, column: 7 }],
    ['[01]', { line: 1, column: 3 }],
    ['{"a": 1} x', { line: 1, column: 10 }],
    ['"tab\there"', { line: 1, column: 1 }],
  ])('%j → %j', (text, expected) => {
    expect(jsonErrorPosition(text)).toEqual(expected);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{}', '[]', '0', '"x"', '{"a":[{"b":null}]}', '{', '[,]', '{"a":}', "{'a':1}"]) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonErrorPosition(text) === null).toBe(valid);
    }
  });

  it('gives up on nesting too deep to follow rather than failing', () => {
    expect(jsonErrorPosition('['.repeat(200_000))).toBeNull();
  });
});
