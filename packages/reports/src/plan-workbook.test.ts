import { describe, expect, it } from 'vitest';
import { buildPlanWorkbook } from './plan-workbook.js';
import { loadXiangyuanPlan, xiangyuanReportInput } from './testing.js';
import { loadWorkbook } from './xlsx-parts.js';

describe('buildPlanWorkbook', () => {
  it('exports the plan as transcribed, with projects and findings', async () => {
    const plan = loadXiangyuanPlan();
    const findings = xiangyuanReportInput('annual', 2023).findings;
    const workbook = await loadWorkbook(await buildPlanWorkbook(plan, findings));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['规划指标', '重大项目', '数据质量', '说明']);

    const indicators = workbook.getWorksheet('规划指标')!;
    expect(indicators.rowCount).toBe(plan.indicators.length + 1);
    const maternal = indicators.getRow(4);
    expect(maternal.getCell(1).value).toBe('140423-T03');
    expect(maternal.getCell(4).value).toBe('孕产妇死亡率');
    expect(maternal.getCell(5).value).toBe('/10万');
    expect(maternal.getCell(9).value).toBe('12 以内');
    expect(maternal.getCell(10).value).toBe('以内');
    expect(maternal.getCell(11).value).toBe(12);
    expect(maternal.getCell(15).value).toBe(132);
    expect(maternal.getCell(18).value).toBe(plan.indicators[2]!.note);

    const projects = workbook.getWorksheet('重大项目')!;
    expect(projects.rowCount).toBe(plan.projects.length + 1);
    const hospital = projects.getRow(11);
    expect(hospital.getCell(2).value).toBe('襄垣县人民医院朝阳院区建设项目');
    expect(hospital.getCell(5).value).toBe(44600);
    expect(hospital.getCell(6).value).toBe('专项债券 34400万元；县级 10200万元');

    const quality = workbook.getWorksheet('数据质量')!;
    expect(quality.rowCount).toBe(findings.length + 1);
    expect(quality.getCell('E2').value).toBe('孕产妇系统管理率');
    expect(workbook.getWorksheet('说明')!.getCell('B5').value).toBe(
      '003_5b6350d557537008.txt（“原文行号”为该文件中的行号）'
    );
  });
});
