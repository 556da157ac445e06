import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { BienBanData, BienBanItem } from './bien-ban-data';
import {
  vnBytes,
  vnClockOffset,
  vnDateTime,
  vnHeading,
  vnIncidentType,
  vnWindow,
  vnWindowMinutes,
} from './bien-ban-text';

// The record an officer prints and signs with the owner and a witness. Layout is a pure list of
// blocks (tested for its wording); rendering only places them on A4 pages.

export type FontName = 'regular' | 'bold' | 'mono';

export type Block =
  | {
      kind: 'text';
      text: string;
      font: FontName;
      size: number;
      align: 'left' | 'center' | 'justify';
      indent: number;
      gapBefore: number;
    }
  | { kind: 'header'; left: string[]; right: string[] }
  /** Start a new page unless this many lines of body text still fit: an item is not split. */
  | { kind: 'keep'; lines: number }
  | { kind: 'signatures'; columns: { title: string; hint: string; name: string }[] };

const text = (
  value: string,
  options: Partial<Omit<Extract<Block, { kind: 'text' }>, 'kind' | 'text'>> = {},
): Block => ({
  kind: 'text',
  text: value,
  font: options.font ?? 'regular',
  size: options.size ?? 11,
  align: options.align ?? 'left',
  indent: options.indent ?? 0,
  gapBefore: options.gapBefore ?? 0,
});

const unknown = 'không rõ';

function itemBlocks(item: BienBanItem, index: number): Block[] {
  const camera = [item.cameraCode, item.cameraName].filter(Boolean).join(' – ') || unknown;
  const origin =
    item.kind === 'extract' ? 'trích từ dữ liệu ghi hình của hệ thống' : 'do chủ camera cung cấp';
  const line = (label: string, value: string) => text(`${label}: ${value}`, { indent: 16 });
  return [
    { kind: 'keep', lines: 15 },
    text(`${index + 1}. Camera ${camera}`, { font: 'bold', gapBefore: 8 }),
    line('Chủ camera', item.ownerName ?? unknown),
    line('Địa chỉ', item.address ?? unknown),
    line('Hướng camera', vnHeading(item.heading)),
    line('Nguồn dữ liệu', origin),
    line('Khoảng thời gian yêu cầu', item.requested ? vnWindow(item.requested) : 'không ghi'),
    line('Khoảng thời gian thực nhận', item.delivered ? vnWindow(item.delivered) : unknown),
    line('Độ lệch đồng hồ camera', vnClockOffset(item.clockOffset)),
    line('Tên tệp', `${item.file} (tệp gốc: ${item.originalName})`),
    line('Dung lượng', vnBytes(item.bytes)),
    text('Mã SHA-256:', { indent: 16 }),
    text(item.sha256, { font: 'mono', size: 8.5, indent: 24 }),
    line(
      'Người thu thập',
      `${item.collectedByName ?? 'hệ thống (tự động)'}, lúc ${vnDateTime(item.collectedAt)}`,
    ),
  ];
}

/** Every line of the biên bản, in order. */
export function bienBanLayout(data: BienBanData): Block[] {
  const made = vnDateTime(data.madeAt);
  const [madeDate, madeTime] = [made.slice(0, 10), made.slice(11)];
  return [
    {
      kind: 'header',
      left: [data.officer.unit.toUpperCase()],
      right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    },
    text('BIÊN BẢN THU THẬP DỮ LIỆU ĐIỆN TỬ', {
      font: 'bold',
      size: 15,
      align: 'center',
      gapBefore: 24,
    }),
    text('(Dữ liệu hình ảnh từ camera an ninh)', { align: 'center' }),
    text(`Số vụ việc: ${data.caseNumber}`, { font: 'bold', align: 'center', gapBefore: 4 }),
    text(`Hồi ${madeTime} ngày ${madeDate}, tại ${data.madePlace}.`, { gapBefore: 16 }),
    text('Người lập biên bản:'),
    text(`Họ tên: ${data.officer.name}`, { indent: 16 }),
    text(`Đơn vị: ${data.officer.unit}`, { indent: 16 }),
    text('Đã tiến hành thu thập dữ liệu điện tử phục vụ giải quyết vụ việc:', { gapBefore: 8 }),
    text(`Loại vụ việc: ${vnIncidentType(data.incident.type)}`, { indent: 16 }),
    text(`Địa điểm: ${data.incident.place}`, { indent: 16 }),
    text(`Thời gian xảy ra: ${vnWindowMinutes(data.incident.window)}`, { indent: 16 }),
    text(`Nội dung: ${data.incident.description}`, { indent: 16, align: 'justify' }),
    text(`Dữ liệu thu thập gồm ${data.items.length} tệp:`, { font: 'bold', gapBefore: 8 }),
    ...data.items.flatMap(itemBlocks),
    text(
      'Tính toàn vẹn của dữ liệu: mã băm SHA-256 của mỗi tệp được tính ngay khi thu thập và ' +
        'ghi vào sổ theo dõi giao nhận (chuỗi giám sát). Danh sách mã băm, thông tin nguồn và ' +
        'chuỗi giám sát của từng tệp được ghi trong tệp manifest.json của gói dữ liệu và được ký ' +
        'số bằng thuật toán Ed25519. Khóa công khai kèm theo gói (public-key.pem) có dấu vân tay ' +
        'SHA-256:',
      { align: 'justify', gapBefore: 12 },
    ),
    text(data.fingerprint, { font: 'mono', size: 8.5, indent: 16 }),
    text(
      `Mã gói dữ liệu: ${data.packageId}. Kiểm tra gói bằng lệnh: matthan verify <tệp gói>.zip ` +
        '--key <khóa công khai tin cậy>.pem',
      { align: 'justify' },
    ),
    text(
      `Biên bản lập xong hồi ${madeTime} ngày ${madeDate}, đã đọc lại cho những người có mặt ` +
        'cùng nghe, công nhận đúng và ký tên dưới đây.',
      { align: 'justify', gapBefore: 8 },
    ),
    {
      kind: 'signatures',
      columns: [
        { title: 'NGƯỜI LẬP BIÊN BẢN', hint: '(Ký, ghi rõ họ tên)', name: data.officer.name },
        { title: 'CHỦ SỞ HỮU DỮ LIỆU', hint: '(Ký, ghi rõ họ tên)', name: '' },
        { title: 'NGƯỜI CHỨNG KIẾN', hint: '(Ký, ghi rõ họ tên)', name: '' },
      ],
    },
  ];
}

const fontRequire = createRequire(import.meta.url);
const fontFiles: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};

const margin = { top: 50, bottom: 56, left: 64, right: 50 };
const signatureHeight = 110;
/** One line of 11-point DejaVu Sans, with pdfkit's default line gap. */
const lineHeight = 13.5;

/** The biên bản as an A4 PDF. */
export async function renderBienBan(data: BienBanData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    info: {
      Title: `Biên bản thu thập dữ liệu điện tử – ${data.caseNumber}`,
      Subject: `Gói dữ liệu ${data.packageId}`,
      Author: data.officer.name,
      CreationDate: new Date(data.madeAt),
    },
  });
  for (const [name, file] of Object.entries(fontFiles)) {
    doc.registerFont(name, fontRequire.resolve(file));
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - margin.left - margin.right;
  for (const block of bienBanLayout(data)) drawBlock(doc, block, width);
  numberPages(doc);
  doc.end();
  return done;
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block, width: number): void {
  switch (block.kind) {
    case 'text':
      doc.y += block.gapBefore;
      doc
        .font(block.font)
        .fontSize(block.size)
        .text(block.text, margin.left + block.indent, doc.y, {
          width: width - block.indent,
          align: block.align,
        });
      return;
    case 'header': {
      const top = doc.y;
      const half = width / 2;
      doc.font('bold').fontSize(10);
      for (const line of block.left)
        doc.text(line, margin.left, doc.y, { width: half - 10, align: 'center' });
      const leftBottom = doc.y;
      doc.y = top;
      block.right.forEach((line, index) => {
        doc.font(index === 0 ? 'bold' : 'regular').fontSize(10);
        doc.text(line, margin.left + half, doc.y, { width: half, align: 'center' });
      });
      doc.y = Math.max(leftBottom, doc.y);
      return;
    }
    case 'keep':
      if (doc.y + block.lines * lineHeight > doc.page.height - margin.bottom) doc.addPage();
      return;
    case 'signatures': {
      if (doc.y + signatureHeight > doc.page.height - margin.bottom) doc.addPage();
      const top = doc.y + 20;
      const column = width / block.columns.length;
      block.columns.forEach((entry, index) => {
        const x = margin.left + index * column;
        doc.font('bold').fontSize(10).text(entry.title, x, top, { width: column, align: 'center' });
        doc
          .font('regular')
          .fontSize(9)
          .text(entry.hint, x, doc.y, { width: column, align: 'center' });
        doc.fontSize(10).text(entry.name, x, top + 80, { width: column, align: 'center' });
      });
      return;
    }
  }
}

function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    // Writing inside the bottom margin would start a new page; lift it for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .text(`Trang ${page + 1}/${range.count}`, margin.left, doc.page.height - 36, {
        width: doc.page.width - margin.left - margin.right,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
}
