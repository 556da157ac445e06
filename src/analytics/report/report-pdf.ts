import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ReportBlock } from './report-layout';

// Places a report's blocks on A4 pages with DejaVu Sans (full Vietnamese coverage; its mono
// face lacks some stacked accents, so keys are set small and grey rather than monospaced). A figure
// row or a table row is never split across pages; a table repeats its header on a new page.

type Doc = PDFKit.PDFDocument;

const fontRequire = createRequire(import.meta.url);
const fonts = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

const margin = { top: 46, bottom: 54, left: 56, right: 46 };
const keyColour = '#666666';
const keySize = 6.5;

export interface PdfInfo {
  title: string;
  subject: string;
  createdAt: Date;
}

export async function renderReportPdf(blocks: ReportBlock[], info: PdfInfo): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    info: {
      Title: info.title,
      Subject: info.subject,
      Author: 'Mắt Thần',
      CreationDate: info.createdAt,
    },
  });
  for (const [name, file] of Object.entries(fonts))
    doc.registerFont(name, fontRequire.resolve(file));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - margin.left - margin.right;
  for (const block of blocks) drawBlock(doc, block, width);
  numberPages(doc, info.title);
  doc.end();
  return done;
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
function keep(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - margin.bottom) doc.addPage();
}

function drawBlock(doc: Doc, block: ReportBlock, width: number): void {
  switch (block.kind) {
    case 'header':
      return drawHeader(doc, block, width);
    case 'text': {
      doc.font(block.bold ? 'bold' : 'regular').fontSize(block.size);
      const height = doc.heightOfString(block.text, { width, align: block.align });
      doc.y += block.gapBefore;
      keep(doc, height);
      doc.text(block.text, margin.left, doc.y, { width, align: block.align });
      return;
    }
    case 'heading':
      doc.y += 10;
      // A heading is not left alone at the foot of a page.
      keep(doc, 60);
      doc.font('bold').fontSize(11).text(block.text, margin.left, doc.y, { width });
      doc.y += 3;
      return;
    case 'figure':
      return drawFigure(doc, block, width);
    case 'table':
      return drawTable(doc, block, width);
  }
}

function drawHeader(
  doc: Doc,
  block: Extract<ReportBlock, { kind: 'header' }>,
  width: number,
): void {
  const top = doc.y;
  const half = width / 2;
  doc.font('bold').fontSize(9.5);
  for (const line of block.left)
    doc.text(line, margin.left, doc.y, { width: half - 10, align: 'center' });
  const leftBottom = doc.y;
  doc.y = top;
  block.right.forEach((line, index) => {
    doc.font(index === 0 ? 'bold' : 'regular').fontSize(9.5);
    doc.text(line, margin.left + half, doc.y, { width: half, align: 'center' });
  });
  doc.y = Math.max(leftBottom, doc.y);
}

function drawFigure(
  doc: Doc,
  block: Extract<ReportBlock, { kind: 'figure' }>,
  width: number,
): void {
  const indent = block.indent * 14;
  const labelWidth = width * 0.5 - indent;
  const valueX = margin.left + width * 0.5;
  const valueWidth = width * 0.18;
  const keyX = margin.left + width * 0.7;
  const keyWidth = width * 0.3;
  doc.font('regular').fontSize(9.5);
  const labelHeight = doc.heightOfString(block.label, { width: labelWidth });
  doc.fontSize(8);
  const noteHeight = block.note ? doc.heightOfString(block.note, { width: labelWidth }) : 0;
  doc.font('regular').fontSize(keySize);
  const keyHeight = block.key ? doc.heightOfString(block.key, { width: keyWidth }) : 0;
  const height = Math.max(labelHeight + noteHeight, keyHeight, 12) + 3;
  keep(doc, height);
  const top = doc.y;
  doc.font('regular').fontSize(9.5).fillColor('black');
  doc.text(block.label, margin.left + indent, top, { width: labelWidth });
  if (block.note)
    doc
      .fontSize(8)
      .fillColor(keyColour)
      .text(block.note, margin.left + indent, doc.y, { width: labelWidth });
  doc.font('bold').fontSize(9.5).fillColor('black');
  doc.text(block.value, valueX, top, { width: valueWidth, align: 'right' });
  if (block.key) {
    doc.font('regular').fontSize(keySize).fillColor(keyColour);
    doc.text(block.key, keyX, top + 2, { width: keyWidth });
  }
  doc.fillColor('black');
  doc.y = top + height;
}

type TableBlock = Extract<ReportBlock, { kind: 'table' }>;

function columnXs(block: TableBlock, width: number): number[] {
  let x = margin.left;
  return block.columns.map((column) => {
    const at = x;
    x += column.width * width;
    return at;
  });
}

function drawTableHeader(doc: Doc, block: TableBlock, width: number): void {
  const xs = columnXs(block, width);
  doc.font('bold').fontSize(8);
  const titleHeight = Math.max(
    ...block.columns.map((c) => doc.heightOfString(c.title || ' ', { width: c.width * width - 4 })),
  );
  const top = doc.y;
  block.columns.forEach((column, index) => {
    doc.text(column.title, (xs[index] ?? margin.left) + 2, top, {
      width: column.width * width - 4,
      align: index === 0 ? 'left' : 'right',
    });
  });
  doc.y = top + titleHeight + 2;
  doc
    .moveTo(margin.left, doc.y)
    .lineTo(margin.left + width, doc.y)
    .lineWidth(0.5)
    .stroke();
  doc.y += 2;
}

/** Column keys are too long for narrow columns, so they follow the table as a legend. */
function drawKeyLegend(doc: Doc, block: TableBlock, width: number): void {
  const keyed = block.columns.filter((column) => column.key);
  if (keyed.length === 0) return;
  const legend = `Mã số liệu theo cột: ${keyed.map((c) => `${c.title} = ${c.key ?? ''}`).join('; ')}`;
  doc.font('regular').fontSize(keySize);
  const height = doc.heightOfString(legend, { width });
  keep(doc, height);
  doc.fillColor(keyColour).text(legend, margin.left, doc.y + 2, { width });
  doc.fillColor('black');
}

function drawTable(doc: Doc, block: TableBlock, width: number): void {
  doc.y += 4;
  keep(doc, 60);
  doc.font('bold').fontSize(9).text(block.title, margin.left, doc.y, { width });
  doc.y += 2;
  drawTableHeader(doc, block, width);
  const xs = columnXs(block, width);
  const first = block.columns[0]?.width ?? 0.3;
  for (const row of block.rows) {
    doc.font('regular').fontSize(8.5);
    const labelHeight = doc.heightOfString(row.label, { width: first * width - 4 });
    const height = labelHeight + (row.key ? 8 : 0) + 3;
    if (doc.y + height > doc.page.height - margin.bottom) {
      doc.addPage();
      drawTableHeader(doc, block, width);
    }
    const top = doc.y;
    doc.font('regular').fontSize(8.5).fillColor('black');
    doc.text(row.label, margin.left + 2, top, { width: first * width - 4 });
    if (row.key) {
      doc
        .font('regular')
        .fontSize(keySize - 1)
        .fillColor(keyColour);
      doc.text(row.key, margin.left + 2, doc.y, { width: first * width - 4 });
    }
    row.cells.forEach((cell, index) => {
      const column = block.columns[index + 1];
      if (!column) return;
      doc.font('regular').fontSize(8.5).fillColor('black');
      doc.text(cell, (xs[index + 1] ?? margin.left) + 2, top, {
        width: column.width * width - 4,
        align: 'right',
      });
    });
    doc.fillColor('black');
    doc.y = top + height;
  }
  drawKeyLegend(doc, block, width);
}

function numberPages(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    // Writing inside the bottom margin would start a new page; lift it for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(keyColour)
      .text(`${title} – Trang ${page + 1}/${range.count}`, margin.left, doc.page.height - 34, {
        width: doc.page.width - margin.left - margin.right,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
}
