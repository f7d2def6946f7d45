import { describe, expect, it } from 'vitest';
import { PROGRAM_CODES, isVisitKindOf } from '../programs.js';
import { programSchedules } from './program-schedules.js';
import { testSchedule } from './testing.js';

describe('programme schedules', () => {
  it('gives every programme items of its own visit kinds for a new enrolment', () => {
    for (const program of PROGRAM_CODES) {
      const items = programSchedules(
        testSchedule(program, {
          enrolledDate: '2024-03-01',
          asOf: '2024-03-01',
          details: { lmp: '2024-01-10' },
          resident: { birthDate: program === 'child' ? '2024-02-25' : '1950-01-01' },
        })
      );
      expect(items.length, program).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.program).toBe(program);
        expect(isVisitKindOf(program, item.kind), `${program} ${item.kind}`).toBe(true);
        expect(item.dueDate <= item.overdueFrom, `${program} ${item.kind}`).toBe(true);
        expect(item.enrolmentId).toBe(1);
      }
    }
  });
});
