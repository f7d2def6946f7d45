import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '@chp/core';
import { loadXiangyuanPlan } from './testing.js';
import { parseValueWorkbook } from './value-import.js';
import type { ValueImportContext } from './value-import.js';
import { buildValueTemplate } from './value-template.js';
import type { ValueTemplateInput } from './value-template.js';
import { loadWorkbook } from './xlsx-parts.js';

const plan = loadXiangyuanPlan();
const COUNTY = '140423';
const TOWNSHIPS = [
  { code: '140423100000', name: '古韩镇' },
  { code: '140423101000', name: '王桥镇' },
];

function templateInput(countyCode = COUNTY): ValueTemplateInput {
  return {
    countyCode,
    countyName: '襄垣县',
    year: 2023,
    indicators: plan.indicators.map(({ id, name, unit, domain }) => ({ id, name, unit, domain })),
    orgUnits: TOWNSHIPS,
  };
}

const context: ValueImportContext = {
  countyCode: COUNTY,
  indicators: new Map(plan.indicators.map(({ id, name, unit }) => [id, { id, name, unit }])),
  orgUnitCodes: new Set([COUNTY, ...TOWNSHIPS.map((unit) => unit.code)]),
  allowedYears: { min: 2020, max: 2023 },
  checkValue: (indicator, value) =>
    indicator.unit === '%' && value > 100 ? `${indicator.name}是百分比，不能超过100。` : null,
};

/** Row of the prefilled template for an indicator (row 2 is the first indicator). */
function rowOf(id: string): number {
  return plan.indicators.findIndex((indicator) => indicator.id === id) + 2;
}

/** Builds the template, lets `fill` edit it as a user would in Excel, and returns the saved file. */
async function filled(
  fill: (workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void,
  countyCode = COUNTY
): Promise<Buffer> {
  const workbook = await loadWorkbook(await buildValueTemplate(templateInput(countyCode)));
  fill(workbook, workbook.getWorksheet('监测数据')!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function parse(
  data: Buffer,
  name = '襄垣县2023年监测数据.xlsx'
): Promise<Awaited<ReturnType<typeof parseValueWorkbook>>> {
  return parseValueWorkbook({ name, data }, context);
}

function issue(row: number, column: string, reason: string): ImportIssue {
  return { file: '襄垣县2023年监测数据.xlsx', sheet: '监测数据', row, column, reason };
}

describe('buildValueTemplate', () => {
  it('prefills one county row per indicator, with a hidden _meta sheet and validations', async () => {
    const workbook = await loadWorkbook(await buildValueTemplate(templateInput()));
    const sheet = workbook.getWorksheet('监测数据')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '指标编码',
      '指标名称',
      '单位',
      '机构编码',
      '机构名称',
      '年份',
      '数值',
      '数据来源',
      '备注',
    ]);
    expect(sheet.rowCount).toBe(plan.indicators.length + 1);
    expect((sheet.getRow(rowOf('140423-T18')).values as unknown[]).slice(1)).toEqual([
      '140423-T18',
      '每万人口全科医生数',
      '人',
      '140423',
      '襄垣县',
      2023,
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('G2').dataValidation).toMatchObject({ type: 'decimal' });
    expect(sheet.getCell('F2').dataValidation).toMatchObject({ type: 'whole', formulae: [2020, 2025] });
    expect(sheet.getCell('D500').dataValidation).toMatchObject({ type: 'list', formulae: ['机构代码!$A$2:$A$4'] });

    const meta = workbook.getWorksheet('_meta')!;
    expect(meta.state).toBe('hidden');
    expect(meta.getCell('B1').value).toBe('chp-values-v1');
    expect(meta.getCell('B2').value).toBe('140423');
    expect(meta.getCell('B4').value).toBe(2023);
    const orgs = workbook.getWorksheet('机构代码')!;
    expect(orgs.getCell('A2').value).toBe('140423');
    expect(orgs.getCell('B4').value).toBe('王桥镇');
  });
});

describe('parseValueWorkbook', () => {
  it('skips the prefilled rows nobody filled in', async () => {
    expect(await parse(await buildValueTemplate(templateInput()))).toEqual({ rows: [], issues: [] });
  });

  it('reads filled rows, township rows and numbers typed as text', async () => {
    const data = await filled((_workbook, sheet) => {
      sheet.getCell(`G${rowOf('140423-T01')}`).value = 1.8;
      sheet.getCell(`H${rowOf('140423-T01')}`).value = '2023年卫生健康统计年报';
      sheet.getCell(`G${rowOf('140423-T04')}`).value = '８０.５';
      sheet.getCell(`I${rowOf('140423-T04')}`).value = '含重点人群';
      sheet.getCell(`H${rowOf('140423-T04')}`).value = { richText: [{ text: '家庭医生' }, { text: '签约系统' }] };
      sheet.getRow(plan.indicators.length + 2).values = [
        '140423-T04',
        '家庭医生签约率',
        '%',
        140423100000,
        '古韩镇',
        2022,
        { formula: '70+5', result: 75 },
        '',
        '',
      ];
    });
    const { rows, issues } = await parse(data);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        row: rowOf('140423-T01'),
        indicatorId: '140423-T01',
        orgUnitCode: '140423',
        year: 2023,
        value: 1.8,
        sourceDocument: '2023年卫生健康统计年报',
        note: null,
      },
      {
        row: rowOf('140423-T04'),
        indicatorId: '140423-T04',
        orgUnitCode: '140423',
        year: 2023,
        value: 80.5,
        sourceDocument: '家庭医生签约系统',
        note: '含重点人群',
      },
      {
        row: plan.indicators.length + 2,
        indicatorId: '140423-T04',
        orgUnitCode: '140423100000',
        year: 2022,
        value: 75,
        sourceDocument: null,
        note: null,
      },
    ]);
  });

  it('rejects a file that is not an xlsx, or a corrupt one, with one file-level issue', async () => {
    const reason = '无法读取文件：不是有效的 Excel（.xlsx）文件，或文件已损坏。';
    const csv = await parseValueWorkbook(
      { name: 'values.csv', data: Buffer.from('指标编码,数值\n140423-T01,1.8\n') },
      context
    );
    expect(csv).toEqual({ rows: [], issues: [{ file: 'values.csv', sheet: '', row: 0, column: '', reason }] });
    const template = await buildValueTemplate(templateInput());
    const truncated = await parse(template.subarray(0, Math.floor(template.length / 2)));
    expect(truncated).toEqual({ rows: [], issues: [{ ...issue(0, '', reason), sheet: '' }] });
  });

  it('rejects a workbook that is not the template, or the template of another county', async () => {
    const foreign = new ExcelJS.Workbook();
    foreign
      .addWorksheet('监测数据')
      .addRow(['指标编码', '指标名称', '单位', '机构编码', '机构名称', '年份', '数值', '数据来源', '备注']);
    foreign.getWorksheet('监测数据')!.addRow(['140423-T01', '婴儿死亡率', '‰', '140423', '襄垣县', 2023, 1.8]);
    const notTemplate = await parse(Buffer.from(await foreign.xlsx.writeBuffer()));
    expect(notTemplate).toEqual({
      rows: [],
      issues: [
        { ...issue(0, '', '不是本平台的监测数据导入模板（缺少模板标识），请在平台下载模板后填写。'), sheet: '_meta' },
      ],
    });

    const other = await parse(await filled((_workbook, sheet) => (sheet.getCell('G2').value = 1), '640221'));
    expect(other.rows).toEqual([]);
    expect(other.issues).toEqual([
      {
        ...issue(0, '', '该模板属于县（区）代码 640221，不能导入本县（区）140423，请下载本县（区）的模板。'),
        sheet: '_meta',
      },
    ]);
  });

  it('rejects renamed or missing header columns', async () => {
    const data = await filled((_workbook, sheet) => {
      sheet.getCell('G1').value = '数值（%）';
      sheet.getCell('H1').value = null;
      sheet.getCell('G2').value = 1.8;
    });
    expect(await parse(data)).toEqual({
      rows: [],
      issues: [
        issue(1, '数值 (G)', '表头应为“数值”，实际为“数值（%）”，请勿修改、删除或移动模板的列。'),
        issue(1, '数据来源 (H)', '表头应为“数据来源”，实际为空，请勿修改、删除或移动模板的列。'),
      ],
    });
  });

  it('names the row, column and reason of every bad row and keeps the good ones', async () => {
    const last = plan.indicators.length + 1;
    const data = await filled((_workbook, sheet) => {
      let row = last;
      // Typed into the blank rows below the prefilled ones, as a user does in Excel.
      const add = (cells: (string | number | null)[]): void => {
        row += 1;
        sheet.getRow(row).values = cells;
      };
      add(['140423-T99', '不存在的指标', '%', '140423', '襄垣县', 2023, 50]); // last + 1
      add(['140423-T01', '婴儿死亡率', '‰', '140423999000', '不存在的镇', 2023, 1.5]); // last + 2
      add(['140423-T01', '婴儿死亡率', '‰', '140423100000', '古韩镇', 2023.5, 1.5]); // last + 3
      add(['140423-T01', '婴儿死亡率', '‰', '140423100000', '古韩镇', '2023年', 1.5]); // last + 4
      add(['140423-T01', '婴儿死亡率', '‰', '140423100000', '古韩镇', 2024, 1.5]); // last + 5
      add(['140423-T01', '婴儿死亡率', '‰', '140423101000', '王桥镇', 2023, null, '镇卫生院年报']); // last + 6
      add(['140423-T04', '家庭医生签约率', '%', '140423101000', '王桥镇', 2023, '95%']); // last + 7
      add(['140423-T04', '家庭医生签约率', '%', '140423100000', '古韩镇', 2023, 120]); // last + 8
      add(['140423-T13', '每千人口医疗卫生机构床位数', '张', '140423', '襄垣县', 2022, 5.8]); // last + 9
      add(['140423-T13', '每千人口医疗卫生机构床位数', '张', '140423', '襄垣县', 2022, 5.9]); // last + 10
      add([null, null, null, '140423', '襄垣县', null, 3]); // last + 11
      sheet.getCell(`G${rowOf('140423-T21')}`).value = 74;
    });
    const { rows, issues } = await parse(data);
    expect(rows).toEqual([
      {
        row: rowOf('140423-T21'),
        indicatorId: '140423-T21',
        orgUnitCode: '140423',
        year: 2023,
        value: 74,
        sourceDocument: null,
        note: null,
      },
    ]);
    expect(issues).toEqual([
      issue(last + 1, '指标编码 (A)', '指标编码“140423-T99”不是本县（区）规划中的指标。'),
      issue(last + 2, '机构编码 (D)', '机构编码“140423999000”不是本县（区）的机构。'),
      issue(last + 3, '年份 (F)', '年份“2023.5”不是整数年份。'),
      issue(last + 4, '年份 (F)', '年份“2023年”不是整数年份。'),
      issue(last + 5, '年份 (F)', '年份2024超出允许范围（2020—2023年）。'),
      issue(last + 6, '数值 (G)', '缺少数值。'),
      issue(last + 7, '数值 (G)', '数值“95%”不是数字，请只填写数字，不带单位或百分号。'),
      issue(last + 8, '数值 (G)', '家庭医生签约率是百分比，不能超过100。'),
      issue(
        last + 10,
        '指标编码 (A)、机构编码 (D)、年份 (F)',
        `第${last + 10}行与第${last + 9}行重复：同一指标、机构和年份只能填写一个数值，两行均未导入。`
      ),
      issue(last + 11, '指标编码 (A)', '缺少指标编码。'),
      issue(last + 11, '年份 (F)', '缺少年份。'),
    ]);
  });
});
