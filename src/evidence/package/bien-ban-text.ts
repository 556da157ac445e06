// Vietnamese wording for the biên bản: times in Vietnam time, numbers with a decimal comma and
// dot thousands, incident types as a ward officer writes them. Pure, so it is tested alone.

/** Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact. */
const vietnamOffsetMs = 7 * 3_600_000;

const pad = (value: number) => String(value).padStart(2, '0');

function vietnamParts(iso: string) {
  const at = new Date(new Date(iso).getTime() + vietnamOffsetMs);
  return {
    date: `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`,
    minute: `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`,
    second: `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`,
  };
}

/** `dd/MM/yyyy HH:mm`, Vietnam time. */
export function vnDateTime(iso: string): string {
  const parts = vietnamParts(iso);
  return `${parts.date} ${parts.minute}`;
}

/** A clip window to the second: `14:05:00 – 14:10:00 ngày 02/03/2025`, both dates if they differ. */
export function vnWindow(window: { from: string; to: string }): string {
  const from = vietnamParts(window.from);
  const to = vietnamParts(window.to);
  if (from.date === to.date) return `${from.second} – ${to.second} ngày ${from.date}`;
  return `${from.second} ngày ${from.date} – ${to.second} ngày ${to.date}`;
}

/** An incident window to the minute. */
export function vnWindowMinutes(window: { from: string; to: string }): string {
  const from = vietnamParts(window.from);
  const to = vietnamParts(window.to);
  if (from.date === to.date) return `từ ${from.minute} đến ${to.minute} ngày ${from.date}`;
  return `từ ${from.minute} ngày ${from.date} đến ${to.minute} ngày ${to.date}`;
}

/** `1.234.567`: Vietnamese thousands. */
export function vnInteger(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** `2,4`: one decimal with a comma. */
export function vnDecimal(value: number, digits = 1): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(digits).split('.');
  const sign = value < 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? '-' : '';
  return `${sign}${vnInteger(Number(whole))}${fraction ? `,${fraction}` : ''}`;
}

/** `12.345.678 byte (11,8 MB)`. */
export function vnBytes(bytes: number): string {
  const exact = `${vnInteger(bytes)} byte`;
  if (bytes < 1024) return exact;
  if (bytes < 1024 * 1024) return `${exact} (${vnDecimal(bytes / 1024)} KB)`;
  if (bytes < 1024 ** 3) return `${exact} (${vnDecimal(bytes / 1024 ** 2)} MB)`;
  return `${exact} (${vnDecimal(bytes / 1024 ** 3, 2)} GB)`;
}

/**
 * `+2,4 giây, đo từ luồng RTSP`, `-6 mili giây, đo từ luồng RTSP` or
 * `-1,0 giây, do cán bộ Nguyễn Văn An nhập (đối chiếu đồng hồ đầu ghi)`. A measured offset's note
 * is the probe's own technical line, kept in the manifest; an officer's note is theirs to show.
 */
export function vnClockOffset(
  offset: {
    ms: number;
    method: 'stream' | 'officer';
    byName: string | null;
    note: string | null;
  } | null,
): string {
  if (!offset) return 'không đo được';
  const sign = offset.ms > 0 ? '+' : offset.ms < 0 ? '-' : '±';
  const size = Math.abs(offset.ms);
  const amount = size < 1000 ? `${vnInteger(size)} mili giây` : `${vnDecimal(size / 1000)} giây`;
  if (offset.method === 'stream') return `${sign}${amount}, đo từ luồng RTSP`;
  const how = `do cán bộ ${offset.byName ?? 'không rõ tên'} nhập`;
  return offset.note ? `${sign}${amount}, ${how} (${offset.note})` : `${sign}${amount}, ${how}`;
}

const compass = ['Bắc', 'Đông Bắc', 'Đông', 'Đông Nam', 'Nam', 'Tây Nam', 'Tây', 'Tây Bắc'];

/** `45° (Đông Bắc)`; headings are degrees clockwise from north. */
export function vnHeading(heading: number | null): string {
  if (heading === null) return 'không rõ';
  const normalised = ((heading % 360) + 360) % 360;
  const point = compass[Math.round(normalised / 45) % 8] ?? 'Bắc';
  return `${Math.round(normalised)}° (${point})`;
}

const incidentTypes: Record<string, string> = {
  theft: 'Trộm cắp tài sản',
  snatch_robbery: 'Cướp giật tài sản',
  burglary: 'Trộm đột nhập',
  robbery: 'Cướp tài sản',
  public_disorder: 'Gây rối trật tự công cộng',
  traffic_accident: 'Tai nạn giao thông',
  other: 'Vụ việc khác',
};

export function vnIncidentType(type: string): string {
  return incidentTypes[type] ?? type;
}

/** `Công an phường Xuân Đỉnh`: the police of a unit, as written on letterheads. */
export function vnPoliceOf(unit: { name: string; kind: string } | null): string {
  if (!unit) return 'Công an';
  return unit.kind ? `Công an ${unit.kind} ${unit.name}` : `Công an ${unit.name}`;
}
