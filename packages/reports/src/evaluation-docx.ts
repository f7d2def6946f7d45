import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { formatDate } from './format.js';
import { paragraph } from './docx-parts.js';
import {
  bindingSection,
  domainSection,
  findingsSection,
  laggingSection,
  methodSection,
  overviewSection,
  projectSection,
} from './evaluation-docx-sections.js';
import { REPORT_KIND_NAMES, reportTitle } from './report-model.js';
import type { EvaluationReportInput } from './report-model.js';
import { summarizeReport } from './report-summary.js';

/** 宋体 for Chinese body text, 黑体 for headings; Latin text and digits in Times New Roman. */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };

const A4 = { width: 11906, height: 16838 };

function titleBlock(input: EvaluationReportInput): Paragraph[] {
  return [
    new Paragraph({ text: reportTitle(input), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${input.county.provinceName}${input.county.cityName}${input.county.name}`)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [
        new TextRun(
          `${REPORT_KIND_NAMES[input.kind]} · 评估年度${input.year}年 · 生成于${formatDate(input.generatedAt)}`
        ),
      ],
    }),
  ];
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
      }),
    ],
  });
}

/** The Chinese Word report of an annual monitoring, mid-term or final evaluation of the plan. */
export async function buildEvaluationDocx(input: EvaluationReportInput): Promise<Buffer> {
  const summary = summarizeReport(input);
  const document = new Document({
    creator: '县域卫生健康信息平台',
    title: reportTitle(input),
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 40, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading1: {
          run: { font: HEADING_FONT, size: 32, bold: false, color: '000000' },
          paragraph: { spacing: { before: 360, after: 180 } },
        },
        heading2: {
          run: { font: HEADING_FONT, size: 28, bold: false, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: { default: pageNumberFooter() },
        children: [
          ...titleBlock(input),
          paragraph(`评估对象：《${input.plan.title}》。`),
          ...overviewSection(input, summary),
          ...domainSection(input, summary),
          ...bindingSection(input, summary),
          ...laggingSection(input, summary),
          ...findingsSection(input),
          ...projectSection(input),
          ...methodSection(input),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
