/**
 * Import of vaccine doses (预防接种记录): one row per dose, its resident named by 居民编号 or 证件号码, the
 * vaccine by its code or Chinese name; each dose of a vaccine once per resident.
 */
import { VACCINES, checkEventDate, doseLabel, isVaccineCode, vaccineCodeFrom } from '@chp/core';
import { and, eq } from 'drizzle-orm';
import { insertRows } from '../../registers/bulk-insert.js';
import { dateField, integerField, textField, today as localToday } from '../../registers/fields.js';
import { importRegister } from '../../registers/import-run.js';
import type { RegisterImport, RegisterSpec } from '../../registers/import-run.js';
import type { ColumnSpec } from '../../registers/row-reader.js';
import { vaccination } from '../../schema.js';
import { RESIDENT_REF_COLUMNS, residentLookup } from './resident-refs.js';
import type { ImportResident, ResidentRefColumn, ResidentLookup } from './resident-refs.js';
import { anyId } from './schedule-inputs.js';
import { checkVaccineDose, unknownVaccineMessage } from './vaccinations.js';

type VaccinationColumn = ResidentRefColumn | 'vaccine' | 'dose' | 'vaccinatedDate' | 'lotNumber';

export const VACCINATION_COLUMNS: readonly ColumnSpec<VaccinationColumn>[] = [
  ...RESIDENT_REF_COLUMNS,
  { key: 'vaccine', header: '疫苗', required: true },
  { key: 'dose', header: '剂次', required: true },
  { key: 'vaccinatedDate', header: '接种日期', required: true },
  { key: 'lotNumber', header: '疫苗批号', required: false },
];

type VaccinationRow = Omit<typeof vaccination.$inferInsert, 'countyCode'> & { person: ImportResident };

/** The most doses any vaccine of the schedule has; checkVaccineDose names the vaccine's own number. */
const MAX_DOSES = Math.max(...Object.values(VACCINES).map((vaccine) => vaccine.doses));

function vaccinationSpec(lookup: ResidentLookup, today: string): RegisterSpec<VaccinationColumn, VaccinationRow> {
  return {
    entity: 'vaccination',
    columns: VACCINATION_COLUMNS,
    parseRow: (reader) => {
      const person = lookup.residentOf(reader);
      const text = textField(reader, 'vaccine');
      const code = text === null ? null : vaccineCodeFrom(text);
      if (text !== null && code === null) reader.fail('vaccine', unknownVaccineMessage(text));
      const dose = integerField(reader, 'dose', { min: 1, max: MAX_DOSES, unit: '剂' });
      if (code !== null && dose !== null) {
        const check = checkVaccineDose(code, dose);
        if (!check.ok) reader.fail('dose', check.message);
      }
      const vaccinatedDate = dateField(reader, 'vaccinatedDate');
      const lotNumber = textField(reader, 'lotNumber', { required: false });
      if (person === null || code === null || dose === null || vaccinatedDate === null) return null;
      const date = { field: 'vaccinatedDate', label: '接种日期', date: vaccinatedDate };
      const [problem] = checkEventDate(date, person, today);
      if (problem !== undefined) return reader.fail('vaccinatedDate', `${problem.message}。`);
      return { person, residentId: person.id, vaccine: code, dose, vaccinatedDate, lotNumber };
    },
    key: {
      columns: ['residentId', 'idNumber', 'vaccine', 'dose'],
      of: (row) => `${row.residentId}|${row.vaccine}|${row.dose}`,
      describe: (row) =>
        `${row.person.name}的${isVaccineCode(row.vaccine) ? doseLabel(row.vaccine, row.dose) : row.vaccine}`,
    },
    existingKeys: async (db, countyCode, rows) => {
      const ids = [...new Set(rows.map((row) => row.residentId))];
      if (ids.length === 0) return new Set();
      const found = await db
        .select({ residentId: vaccination.residentId, vaccine: vaccination.vaccine, dose: vaccination.dose })
        .from(vaccination)
        .where(and(eq(vaccination.countyCode, countyCode), anyId(vaccination.residentId, ids)));
      return new Set(found.map((row) => `${row.residentId}|${row.vaccine}|${row.dose}`));
    },
    insert: (db, countyCode, rows) =>
      insertRows(
        db,
        vaccination,
        rows.map(({ person: _person, ...row }) => ({ ...row, countyCode }))
      ),
  };
}

/** Imports doses; residents are named by 证件号码 only when the options carry the ID-number cipher. */
export const importVaccinations: RegisterImport = async (db, actor, countyCode, tables, options = {}) => {
  const today = localToday();
  const lookup = await residentLookup(db, countyCode, tables, VACCINATION_COLUMNS, options.idCipher ?? null, today);
  return importRegister(db, actor, countyCode, tables, vaccinationSpec(lookup, today), options);
};
