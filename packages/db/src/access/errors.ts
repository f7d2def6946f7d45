/** A rule of the data workflow was broken; the server maps `kind` to an HTTP status. */
export type AccessErrorKind = 'not_found' | 'invalid' | 'conflict' | 'forbidden';

export class AccessError extends Error {
  readonly kind: AccessErrorKind;
  readonly code: string;

  constructor(kind: AccessErrorKind, code: string, message: string) {
    super(message);
    this.name = 'AccessError';
    this.kind = kind;
    this.code = code;
  }
}
