// What owners and officers are told about a request, in Vietnamese (the notifications and the
// webhook carry these texts as they are). Times are shown in Hà Nội time. Pure.

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `10:05 01/03/2025` in Asia/Ho_Chi_Minh. */
export function localTime(ms: number): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export interface RequestFacts {
  cameraCode: string;
  caseNumber: string;
  fromMs: number;
  toMs: number;
  deadline: string;
}

export interface Message {
  title: string;
  body: string;
}

const span = (r: RequestFacts) => `từ ${localTime(r.fromMs)} đến ${localTime(r.toMs)}`;

/** To the owner. `automatic`: our recording answers it under the consent the owner gave. */
export function newRequestMessage(r: RequestFacts, automatic: boolean): Message {
  if (automatic) {
    return {
      title: `Hình ảnh camera ${r.cameraCode} được trích xuất cho vụ việc ${r.caseNumber}`,
      body:
        `Theo mức chia sẻ bạn đã chọn, công an trích xuất hình ảnh ${span(r)} ` +
        'từ bản ghi của hệ thống. Bạn không cần làm gì thêm.',
    };
  }
  return {
    title: `Yêu cầu trích xuất hình ảnh camera ${r.cameraCode}`,
    body:
      `Công an đề nghị cung cấp hình ảnh ${span(r)} cho vụ việc ${r.caseNumber}. ` +
      `Xin trả lời trước ${localTime(Date.parse(r.deadline))}.`,
  };
}

export function approvedMessage(r: RequestFacts, extracting: boolean): Message {
  return {
    title: `Chủ camera ${r.cameraCode} đã đồng ý cung cấp hình ảnh`,
    body: extracting
      ? `Hình ảnh ${span(r)} đang được trích xuất từ bản ghi của hệ thống (vụ việc ${r.caseNumber}).`
      : `Chờ chủ camera gửi tệp hình ảnh ${span(r)} (vụ việc ${r.caseNumber}).`,
  };
}

export function declinedMessage(r: RequestFacts, reason: string): Message {
  return {
    title: `Chủ camera ${r.cameraCode} từ chối cung cấp hình ảnh`,
    body: `Vụ việc ${r.caseNumber}. Lý do: ${reason}`,
  };
}

export function cancelledMessage(r: RequestFacts, reason: string): Message {
  return {
    title: `Yêu cầu hình ảnh camera ${r.cameraCode} đã được hủy`,
    body: `Công an đã hủy yêu cầu cho vụ việc ${r.caseNumber}. Lý do: ${reason}`,
  };
}

export function uploadedMessage(
  r: RequestFacts,
  file: { fileName: string; bytes: number; sha256: string },
): Message {
  return {
    title: `Chủ camera ${r.cameraCode} đã gửi tệp hình ảnh`,
    body:
      `Tệp ${file.fileName} (${fileSize(file.bytes)}) đã được nhận cho vụ việc ${r.caseNumber}; ` +
      `mã SHA-256 ${file.sha256.slice(0, 16)}…`,
  };
}

export function extractedMessage(r: RequestFacts): Message {
  return {
    title: `Đã trích xuất hình ảnh camera ${r.cameraCode}`,
    body: `Hình ảnh ${span(r)} đã được đưa vào hồ sơ vụ việc ${r.caseNumber}.`,
  };
}

export function extractionFailedMessage(r: RequestFacts, error: string): Message {
  return {
    title: `Không trích xuất được hình ảnh camera ${r.cameraCode}`,
    body: `Vụ việc ${r.caseNumber}, hình ảnh ${span(r)}: ${error}`,
  };
}
