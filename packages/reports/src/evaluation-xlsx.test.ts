import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildEvaluationXlsx } from './evaluation-xlsx.js';
import { withRegisterValues, xiangyuanReportInput } from './testing.js';
import { loadWorkbook } from './xlsx-parts.js';

async function openAnnex(): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await buildEvaluationXlsx(xiangyuanReportInput('midterm', 2023)));
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  expect(found, name).toBeDefined();
  return found!;
}

function rowValues(worksheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (worksheet.getRow(row).values as unknown[]).slice(1);
}

/** The row whose first cell is `key`. */
function findRow(worksheet: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  for (let row = 2; row <= worksheet.rowCount; row += 1) {
    if (worksheet.getCell(row, 1).value === key) return worksheet.getRow(row);
  }
  throw new Error(`no row ${key}`);
}

describe('buildEvaluationXlsx', () => {
  it('has the four annex sheets with frozen header rows', async () => {
    const workbook = await openAnnex();
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      '指标监测',
      '数据质量',
      '重大项目',
      '说明',
    ]);
    for (const worksheet of workbook.worksheets) {
      expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(worksheet.getRow(1).font.bold).toBe(true);
    }
  });

  it('writes one row per indicator with every year of the period, the target, status, gap and source line', async () => {
    const indicators = sheet(await openAnnex(), '指标监测');
    expect(indicators.rowCount).toBe(76);
    expect(rowValues(indicators, 1)).toEqual([
      '指标编码',
      '领域',
      '指标名称',
      '单位',
      '属性',
      '基期值',
      '2020年',
      '2021年',
      '2022年',
      '2023年',
      '2024年',
      '2025年',
      '2023年登记数据计算值',
      '计算值与填报值之差',
      '计算依据',
      '目标值',
      '目标数值',
      '2023年状态',
      '预期进度值',
      '与预期进度差距',
      '状态说明',
      '来源',
      '原文行号',
    ]);
    const doctors = findRow(indicators, '140423-T18');
    expect((doctors.values as unknown[]).slice(1)).toEqual([
      '140423-T18',
      '医疗服务',
      '每万人口全科医生数',
      '人',
      '约束性',
      1.7,
      undefined,
      1.8,
      1.9,
      2.1,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      '3.5',
      3.5,
      '严重滞后',
      2.78,
      -0.68,
      '数值2.1人低于预期进度2.78人，差距超过预期增量的三分之一。',
      '指标表',
      154,
    ]);
    expect(doctors.getCell(10).numFmt).toBe('#,##0.00');
    expect(doctors.getCell(20).numFmt).toBe('+#,##0.00;-#,##0.00;0');
    expect(indicators.getColumn(3).width).toBe(36);

    const prose = findRow(indicators, '140423-P001');
    expect(prose.getCell(18).value).toBe('无法评估');
    expect(prose.getCell(22).value).toBe('正文');
    expect(prose.getCell(23).value).toBe(124);
  });

  it('puts the value computed from the registers, its provenance and the difference beside the entered values', async () => {
    const workbook = await loadWorkbook(
      await buildEvaluationXlsx(withRegisterValues(xiangyuanReportInput('annual', 2023)))
    );
    const indicators = sheet(workbook, '指标监测');
    // The 2023 entered value, then the computed value, the difference and where it comes from.
    const cells = (row: ExcelJS.Row): unknown[] => [10, 13, 14, 15].map((column) => row.getCell(column).value);
    const infant = findRow(indicators, '140423-T01');
    expect(cells(infant)).toEqual([1.8, 2, 0.2, '由登记数据计算（2024年3月1日）：分子9 / 分母4,500']);
    expect(infant.getCell(14).numFmt).toBe('+#,##0.00;-#,##0.00;0');
    const underFive = findRow(indicators, '140423-T02');
    expect(cells(underFive)).toEqual([null, 3.1, null, '由登记数据计算（2024年3月1日）：分子14 / 分母4,516']);
    expect(underFive.getCell(18).value).toBe('已完成/达到目标');
    expect(underFive.getCell(21).value).toBe('2023年登记数据计算值3.1‰，已达到目标5‰');
    const notes = sheet(workbook, '说明');
    expect(findRow(notes, '登记数据计算值').getCell(2).value).toContain('以登记数据计算值评估');
  });

  it('lists the findings, errors first, with lines', async () => {
    const workbook = await openAnnex();
    const input = xiangyuanReportInput('midterm', 2023);
    const findings = sheet(workbook, '数据质量');
    expect(findings.rowCount).toBe(input.findings.length + 1);
    expect(rowValues(findings, 2)).toEqual([
      1,
      '错误',
      '目标劣于基期值',
      '140423-T10',
      '孕产妇系统管理率',
      '约束性目标90%低于2020年基线90.24%。',
      141,
    ]);
    expect(rowValues(findings, 3)).toEqual([
      2,
      '警告',
      '正文与指标表不一致',
      '140423-T18',
      '每万人口全科医生数',
      '正文目标“每万名居民有2名合格的全科医生”与指标表目标3.5不一致。',
      364,
      '154',
    ]);
  });

  it('tracks each project with status, progress, investment and milestones', async () => {
    const projects = sheet(await openAnnex(), '重大项目');
    expect(projects.rowCount).toBe(15);
    const hospital = findRow(projects, '140423-J10');
    expect(hospital.getCell(2).value).toBe('襄垣县人民医院朝阳院区建设项目');
    expect(hospital.getCell(6).value).toBe('实施中');
    expect(hospital.getCell(7).value).toBe(0.6);
    expect(hospital.getCell(7).numFmt).toBe('0%');
    expect(hospital.getCell(8).value).toBe(44600);
    expect(hospital.getCell(9).value).toBe(26000);
    expect(hospital.getCell(10).value).toBeCloseTo(26000 / 44600);
    expect(hospital.getCell(11).value).toBe('专项债券 34400万元；县级 10200万元');
    expect(hospital.getCell(12).value).toBe(
      '主体结构封顶：计划2023-06-30，2023-05-20完成\n竣工验收：计划2025-06-30，未完成'
    );
    const unfunded = findRow(projects, '140423-J01');
    expect(unfunded.getCell(6).value).toBe('未开工');
    expect(unfunded.getCell(8).value).toBeNull();
    expect(unfunded.getCell(10).value).toBeNull();
  });

  it('explains the report, the status rules and where the values come from', async () => {
    const notes = sheet(await openAnnex(), '说明');
    const text = notes
      .getSheetValues()
      .flat()
      .filter((cell) => typeof cell === 'string')
      .join('\n');
    expect(text).toContain('襄垣县卫生健康事业发展“十四五”规划中期评估报告');
    expect(text).toContain('山西省长治市襄垣县（140423）');
    expect(text).toContain('003_5b6350d557537008.txt');
    for (const label of ['已完成/达到目标', '进展顺利', '存在风险', '严重滞后', '无数据', '无法评估']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('审核通过的县级监测数据');
  });
});
