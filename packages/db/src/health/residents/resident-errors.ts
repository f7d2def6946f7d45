/** Errors of the resident index that carry more than a message. */
import { AccessError } from '../../access/errors.js';
import type { ResidentProblem } from './resident-values.js';

/** The ID number is already on record for another (unmerged) resident of the county. */
export class DuplicateResidentError extends AccessError {
  readonly existingResidentId: number;

  constructor(existingResidentId: number, maskedNumber: string) {
    super(
      'conflict',
      'duplicate_resident',
      `证件号码 ${maskedNumber} 已登记在本县（区）居民档案（编号 ${String(existingResidentId)}）中，请勿重复建档`
    );
    this.name = 'DuplicateResidentError';
    this.existingResidentId = existingResidentId;
  }
}

/** The values of a resident are invalid; the message lists every problem. */
export class InvalidResidentError extends AccessError {
  readonly problems: readonly ResidentProblem[];

  constructor(problems: readonly ResidentProblem[]) {
    super('invalid', 'invalid_resident', problems.map((problem) => problem.message).join('；'));
    this.name = 'InvalidResidentError';
    this.problems = problems;
  }
}
