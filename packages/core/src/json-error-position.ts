/**
 * Where a JSON text stops being valid, as line and column: JSON.parse's messages give an offset for
 * some errors only (not for an unexpected token), and users need to find the spot in a large file.
 */

/**
 * Line and column (1-based) of the first character that makes `text` invalid JSON; null when it is valid,
 * or nested too deeply to follow.
 */
export function jsonErrorPosition(text: string): { line: number; column: number } | null {
  const offset = jsonErrorOffset(text);
  if (offset === null) return null;
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON strings may not hold raw control characters, so the class must name them.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** Thrown (and caught below) to unwind the descent at the first invalid character. */
class Invalid extends Error {
  constructor(readonly offset: number) {
    super(`invalid JSON at ${offset}`);
  }
}

function jsonErrorOffset(text: string): number | null {
  let at = 0;
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text.charAt(at) !== char) throw new Invalid(at);
    at++;
  };
  const token = (pattern: RegExp): void => {
    pattern.lastIndex = at;
    if (!pattern.test(text)) throw new Invalid(at);
    at = pattern.lastIndex;
  };
  const list = (close: string, item: () => void): void => {
    skipSpace();
    if (text.charAt(at) === close) {
      at++;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text.charAt(at) === close) {
        at++;
        return;
      }
      expect(',');
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text.charAt(at);
    if (char === '{') {
      at++;
      list('}', () => {
        skipSpace();
        token(STRING);
        expect(':');
        value();
      });
    } else if (char === '[') {
      at++;
      list(']', value);
    } else if (char === '"') {
      token(STRING);
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, at));
      if (literal) at += literal.length;
      else token(NUMBER);
    }
  };
  try {
    value();
    skipSpace();
    if (at < text.length) throw new Invalid(at);
    return null;
  } catch (error) {
    if (error instanceof Invalid) return error.offset;
    // Stack exhausted by pathological nesting: the caller still knows the text is not JSON.
    if (error instanceof RangeError) return null;
    throw error;
  }
}
