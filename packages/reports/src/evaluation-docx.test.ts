import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildEvaluationDocx } from './evaluation-docx.js';
import { withRegisterValues, xiangyuanReportInput } from './testing.js';

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of each paragraph of a Word part, table cells included. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((match) =>
    [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((text) => decode(text[1] ?? '')).join('')
  );
}

async function openDocx(buffer: Buffer): Promise<{ zip: JSZip; text: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const document = await zip.file('word/document.xml')!.async('string');
  return { zip, text: paragraphs(document) };
}

/** The paragraphs from one heading up to the next one given. */
function section(text: string[], from: string, to: string): string[] {
  const start = text.indexOf(from);
  const end = text.indexOf(to);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start + 1, end);
}

const HEADINGS = [
  '一、总体情况',
  '二、分领域指标进展',
  '三、约束性指标完成情况',
  '四、滞后指标清单',
  '五、规划数据质量问题',
  '六、重大项目进展',
  '七、说明',
];

describe('buildEvaluationDocx', () => {
  it('writes the annual monitoring report of 襄垣县 with every section in order', async () => {
    const { text } = await openDocx(await buildEvaluationDocx(xiangyuanReportInput('annual', 2023)));

    expect(text[0]).toBe('襄垣县卫生健康事业发展“十四五”规划2023年度监测报告');
    expect(text).toContain('山西省长治市襄垣县');
    const positions = HEADINGS.map((heading) => text.indexOf(heading));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const overview = section(text, '一、总体情况', '二、分领域指标进展').join('\n');
    expect(overview).toContain('纳入平台监测的75项指标（主要指标表24项、正文目标51项）');
    expect(overview).toContain('已完成/达到目标3项，进展顺利2项，存在风险2项，严重滞后4项');
    expect(overview).toContain('其中2项严重滞后：“孕产妇系统管理率”、“每万人口全科医生数”');
    expect(overview).toContain('10项指标有2023年审核通过的数值');
    expect(overview).toContain('1项采用此前年份的最新数值');
  });

  it('lists every indicator in its domain table with values, status labels and gaps', async () => {
    const { text } = await openDocx(await buildEvaluationDocx(xiangyuanReportInput('annual', 2023)));
    const domains = section(text, '二、分领域指标进展', '三、约束性指标完成情况');
    expect(domains).toContain('（一）健康水平');
    expect(domains).toContain('（三）妇幼健康');
    const header = ['指标', '单位', '基期值', '目标值', '属性', '2023年值', '状态', '与预期进度差距'];
    expect(domains.slice(domains.indexOf('指标'), domains.indexOf('指标') + 8)).toEqual(header);
    // 每万人口全科医生数: name, unit, baseline, target, attribute, value, status, gap.
    const row = domains.indexOf('每万人口全科医生数');
    expect(domains.slice(row, row + 8)).toEqual([
      '每万人口全科医生数',
      '人',
      '1.7',
      '3.5',
      '约束性',
      '2.1',
      '严重滞后',
      '-0.68',
    ]);
    // 人口自然增长率 has no 2023 value: the 2022 value is used and says so.
    const carried = domains.indexOf('人口自然增长率');
    expect(domains.slice(carried + 5, carried + 7)).toEqual(['1.9（2022年）', '严重滞后']);
    for (const label of ['已完成/达到目标', '进展顺利', '存在风险', '无数据', '无法评估']) {
      expect(domains).toContain(label);
    }
  });

  it('puts binding indicators in section 三 and off-track and at-risk ones in section 四', async () => {
    const { text } = await openDocx(await buildEvaluationDocx(xiangyuanReportInput('annual', 2023)));
    const binding = section(text, '三、约束性指标完成情况', '四、滞后指标清单');
    for (const name of [
      '以乡 (镇、街道) 为单位适龄儿童免疫规划疫苗接种率',
      '孕产妇系统管理率',
      '0—6 岁儿童系统管理率',
      '每万人口全科医生数',
    ]) {
      expect(binding).toContain(name);
    }
    expect(binding).not.toContain('婴儿死亡率');

    const lagging = section(text, '四、滞后指标清单', '五、规划数据质量问题');
    const names = [
      '孕产妇系统管理率（%）',
      '每万人口全科医生数（人）',
      '每千人口拥有 3 岁以下婴幼儿托位数（个）',
      '人口自然增长率（‰）',
    ];
    for (const name of names) expect(lagging).toContain(name);
    expect(lagging).toContain('家庭医生签约率（%）');
    expect(lagging).not.toContain('婴儿死亡率（‰）');
    expect(lagging).not.toContain('政策范围内住院费用医保支付比例（%）');
    // Off-track rows come before at-risk ones, each with expected value, gap and reason.
    const row = lagging.indexOf('每万人口全科医生数（人）');
    expect(lagging.slice(row, row + 7)).toEqual([
      '每万人口全科医生数（人）',
      '约束性',
      '严重滞后',
      '2.1',
      '2.78',
      '-0.68',
      '数值2.1人低于预期进度2.78人，差距超过预期增量的三分之一。',
    ]);
    expect(lagging.indexOf('家庭医生签约率（%）')).toBeGreaterThan(lagging.indexOf('人口自然增长率（‰）'));
  });

  it('reports the plan findings with line references and the projects with investment and milestones', async () => {
    const input = xiangyuanReportInput('annual', 2023);
    const { text } = await openDocx(await buildEvaluationDocx(input));
    const findings = section(text, '五、规划数据质量问题', '六、重大项目进展');
    expect(findings.join('')).toContain('003_5b6350d557537008.txt');
    // Errors come first.
    expect(findings.slice(findings.indexOf('1'), findings.indexOf('1') + 6)).toEqual([
      '1',
      '错误',
      '目标劣于基期值',
      '孕产妇系统管理率',
      '约束性目标90%低于2020年基线90.24%。',
      '第141行',
    ]);
    expect(findings).toContain('第364行（相关：第154行）');
    expect(findings.filter((line) => /^第\d+行(（相关：[^）]+）)?$/.test(line))).toHaveLength(input.findings.length);

    const projects = section(text, '六、重大项目进展', '七、说明');
    expect(projects.join('')).toContain('规划列重大项目14项，未开工11项，实施中1项，已完成1项，进度滞后1项。');
    const row = projects.indexOf('襄垣县人民医院朝阳院区建设项目');
    expect(projects.slice(row, row + 6)).toEqual([
      '襄垣县人民医院朝阳院区建设项目',
      '实施中',
      '60%',
      '26,000 / 44,600（58.3%）',
      '主体结构封顶（计划2023-06-30，2023-05-20完成）',
      '竣工验收（计划2025-06-30，未完成）',
    ]);
    expect(projects).toContain('0 / 未列');

    const notes = text.slice(text.indexOf('七、说明')).join('\n');
    expect(notes).toContain('严重滞后：');
    expect(notes).toContain('审核通过的县级监测数据');
    expect(notes).toContain('报告生成时间：2024年3月1日。');
  });

  it('titles the mid-term and final evaluations and carries values forward to the evaluated year', async () => {
    const midterm = await openDocx(await buildEvaluationDocx(xiangyuanReportInput('midterm', 2023)));
    expect(midterm.text[0]).toBe('襄垣县卫生健康事业发展“十四五”规划中期评估报告');
    const final = await openDocx(await buildEvaluationDocx(xiangyuanReportInput('final', 2025)));
    expect(final.text[0]).toBe('襄垣县卫生健康事业发展“十四五”规划终期评估报告');
    expect(final.text).toContain('2025年值');
    expect(final.text).toContain('2.1（2023年）');
  });

  it('sets the values computed from the registers beside the entered ones, with provenance and difference', async () => {
    const { text } = await openDocx(
      await buildEvaluationDocx(withRegisterValues(xiangyuanReportInput('annual', 2023)))
    );
    const overview = section(text, '一、总体情况', '二、分领域指标进展').join('\n');
    expect(overview).toContain('10项指标有2023年审核通过的数值');
    expect(overview).toContain('1项采用登记数据计算值，1项采用此前年份的最新数值');

    const domains = section(text, '二、分领域指标进展', '三、约束性指标完成情况');
    // 5岁以下儿童死亡率 has no entered value: its computed value is evaluated and says so.
    const underFive = domains.indexOf('5 岁以下儿童死亡率');
    expect(domains.slice(underFive + 5, underFive + 7)).toEqual(['3.1（登记数据计算）', '已完成/达到目标']);

    const heading = domains.find((line) => line.endsWith('登记数据计算值与填报值对照'));
    expect(heading).toBeDefined();
    const table = domains.slice(domains.indexOf(heading!));
    expect(table.slice(2, 8)).toEqual(['指标', '单位', '2023年填报值', '登记数据计算值', '差值', '计算依据']);
    const infant = table.indexOf('婴儿死亡率');
    expect(table.slice(infant, infant + 6)).toEqual([
      '婴儿死亡率',
      '‰',
      '1.8',
      '2',
      '+0.2',
      '由登记数据计算（2024年3月1日）：分子9 / 分母4,500',
    ]);
    const computedOnly = table.indexOf('5 岁以下儿童死亡率');
    expect(table.slice(computedOnly + 2, computedOnly + 5)).toEqual(['—', '3.1', '—']);

    expect(text.slice(text.indexOf('七、说明')).join('\n')).toContain('以登记数据计算值评估');
  });

  it('has no comparison with computed values when the registers compute none', async () => {
    const { text } = await openDocx(await buildEvaluationDocx(xiangyuanReportInput('annual', 2023)));
    expect(text.some((line) => line.endsWith('登记数据计算值与填报值对照'))).toBe(false);
  });

  it('sets A4 pages, CJK fonts and page numbers in the footer', async () => {
    const { zip } = await openDocx(await buildEvaluationDocx(xiangyuanReportInput('annual', 2023)));
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="黑体"');
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    const footer = await zip.file(footers[0]!)!.async('string');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });
});
