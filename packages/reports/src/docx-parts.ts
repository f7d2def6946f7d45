import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IRunOptions } from 'docx';

/** Text width of an A4 page with the report's 2.54 cm left and right margins, in twips. */
export const TEXT_WIDTH = 11906 - 2 * 1440;

/** A table cell: one line of text, or several lines (one paragraph each). */
export type CellText = string | string[];

export function heading1(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
}

export function heading2(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
}

/** A body paragraph with the first-line indent of two characters usual in Chinese official documents. */
export function paragraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)], indent: { firstLine: 480 } });
}

function cell(text: CellText, width: number, header: boolean): TableCell {
  const lines = typeof text === 'string' ? [text] : text;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } : undefined,
    children: lines.map((line) => {
      // Typed apart: inline, `bold` would resolve against TextRun's `string` overload and String#bold.
      const run: IRunOptions = { text: line, bold: header, size: 20 };
      return new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun(run)],
      });
    }),
  });
}

/**
 * A full-width table with a repeated header row. `weights` give the relative column widths, so every
 * table fills the text width whatever its column count.
 */
export function table(headers: string[], rows: CellText[][], weights: number[]): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => Math.floor((TEXT_WIDTH * weight) / sum));
  const width = (index: number): number => widths[index] ?? 0;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header, i) => cell(header, width(i), true)) }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, width(i), false)) })
      ),
    ],
  });
}
