import type { HelpedBy, IncidentType } from '../incidents/incident.vocabulary';

// The story the demo's cases tell, as numbers and words: how many cases each ward has a month,
// what kind, at what hour, and what officers wrote. Bắc Từ Liêm's wards carry the article's
// "100+ theft and robbery cases in 18 months, most solved through footage"; Xuân Đỉnh's cases
// fall once its cameras went in while Đông Ngạc, which has none, stays as it was.

const vietnamOffsetMs = 7 * 3_600_000;

/** The calendar month (`YYYY-MM`) in Việt Nam at an instant. */
export function monthOf(ms: number): string {
  return new Date(ms + vietnamOffsetMs).toISOString().slice(0, 7);
}

/** The instant a Vietnamese calendar month begins. */
export function monthStartMs(month: string): number {
  const [year, index] = month.split('-').map(Number);
  return Date.UTC(year!, index! - 1, 1) - vietnamOffsetMs;
}

export function addMonths(month: string, count: number): string {
  const [year, index] = month.split('-').map(Number);
  const total = year! * 12 + (index! - 1) + count;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included. */
export function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * The month in which a unit's installed cameras rose most (ties: the earliest), the roll-out
 * the dashboard's before/after compares around; null when none has an installation date.
 */
export function rolloutMonthOf(installedOn: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const date of installedOn) {
    if (date === null) continue;
    const month = date.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [month, count] of counts) {
    const bestCount = best === null ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && month < best!)) best = month;
  }
  return best;
}

/** The article's 18 months, ending with the month before `currentMonth`. */
export function storyWindow(currentMonth: string): { first: string; last: string } {
  return { first: addMonths(currentMonth, -18), last: addMonths(currentMonth, -1) };
}

/** Months of history kept before a roll-out, so a before/after of up to a year has data. */
export const monthsBeforeRollout = 12;

export interface WardStory {
  /** Today's unit code; the case numbers carry it. */
  code: string;
  firstMonth: string;
  /** The average number of cases in a month (the plan scatters around it). */
  casesPerMonth: (month: string) => number;
  /** The share of cases that happen where some camera looks. */
  watchedShare: number;
  /** Only cameras whose code starts so give the ward its watched places (null: all). */
  cameraPrefix: string | null;
  /** Streets for the places no camera sees. */
  streets: readonly string[];
}

export const wardCodes = {
  xuanDinh: '00611',
  nghiaDo: '00166',
  dongNgac: '00602',
  thachTri: '18505',
} as const;

/**
 * Xuân Đỉnh halves its cases from its roll-out month on; Nghĩa Đô and Đông Ngạc keep a steady
 * rate over the same months (the comparison units); Thạch Trị has a few recent cases.
 */
export function storyWards(rolloutMonth: string | null, currentMonth: string): WardStory[] {
  const window = storyWindow(currentMonth);
  const historyStart =
    rolloutMonth === null
      ? window.first
      : [addMonths(rolloutMonth, -monthsBeforeRollout), window.first].sort()[0]!;
  const xuanDinhRate = (month: string) => {
    if (rolloutMonth === null || month > rolloutMonth) return 5;
    return month === rolloutMonth ? 7 : 10;
  };
  return [
    {
      code: wardCodes.xuanDinh,
      firstMonth: historyStart,
      casesPerMonth: xuanDinhRate,
      watchedShare: 0.92,
      cameraPrefix: null,
      streets: ['Ngõ 55 Xuân Đỉnh', 'Ngõ 12 Tân Xuân', 'Đường Xuân Đỉnh', 'Phố Xuân La'],
    },
    {
      code: wardCodes.nghiaDo,
      firstMonth: historyStart,
      casesPerMonth: () => 1.5,
      watchedShare: 0.75,
      cameraPrefix: null,
      streets: ['Đường Hoàng Quốc Việt', 'Phố Nghĩa Đô', 'Ngõ 193 Hoàng Quốc Việt'],
    },
    {
      code: wardCodes.dongNgac,
      firstMonth: historyStart,
      casesPerMonth: () => 1,
      watchedShare: 0.9,
      cameraPrefix: null,
      streets: ['Đường Đông Ngạc', 'Phố Đức Diễn', 'Ngõ 68 Đông Ngạc', 'Đường Tân Xuân'],
    },
    {
      code: wardCodes.thachTri,
      firstMonth: window.first,
      casesPerMonth: () => 0.6,
      watchedShare: 0.8,
      cameraPrefix: 'TT-',
      streets: ['Đường liên thôn Thạch Trị', 'Chợ Thạch Trị', 'Đường tỉnh 9, đoạn qua Thạch Trị'],
    },
  ];
}

/** What kinds of case, and how often: mostly theft and robbery, as the article counts. */
export const typeWeights: readonly (readonly [IncidentType, number])[] = [
  ['theft', 44],
  ['snatch_robbery', 20],
  ['burglary', 16],
  ['robbery', 9],
  ['public_disorder', 7],
  ['traffic_accident', 4],
];

/** How long a window the reporter can name, in minutes, by kind. */
export const windowMinutes: Record<IncidentType, readonly [number, number]> = {
  theft: [30, 240],
  snatch_robbery: [10, 20],
  burglary: [60, 360],
  robbery: [10, 30],
  public_disorder: [20, 60],
  traffic_accident: [10, 15],
  other: [30, 60],
};

/** Relative weight of each hour of the day (Vietnam time): thieves use the empty night streets. */
export const hourWeights: readonly number[] = [
  5, 5, 5, 4, 3, 2, 2, 2, 2, 2, 2, 3, 3, 2, 2, 2, 3, 3, 3, 4, 5, 5, 6, 6,
];

export const descriptions: Record<IncidentType, readonly string[]> = {
  theft: [
    'Mất trộm xe máy Honda Wave dựng trước cửa nhà',
    'Mất trộm điện thoại để trên bàn quán cà phê',
    'Kẻ gian lấy trộm xe đạp điện ở nhà để xe chung',
    'Mất trộm ví tiền và giấy tờ trong cốp xe máy',
    'Mất trộm xe máy Yamaha Sirius trước cửa hàng tạp hóa',
  ],
  snatch_robbery: [
    'Hai đối tượng đi xe máy giật túi xách của người đi bộ',
    'Bị giật điện thoại khi đang đứng chờ xe buýt',
    'Giật dây chuyền vàng của phụ nữ đang đi xe máy',
    'Sinh viên bị giật ba lô có máy tính xách tay trên đường về phòng trọ',
  ],
  burglary: [
    'Đột nhập nhà dân lấy trộm tài sản khi chủ nhà vắng',
    'Cạy cửa cửa hàng tạp hóa lấy tiền và thuốc lá',
    'Đột nhập phòng trọ sinh viên lấy máy tính xách tay',
  ],
  robbery: [
    'Đối tượng dùng dao khống chế, cướp tài sản của người đi đường',
    'Cướp xe máy của tài xế xe ôm công nghệ',
  ],
  public_disorder: [
    'Nhóm thanh niên tụ tập gây rối, đánh nhau trước quán karaoke',
    'Đua xe, rú ga gây mất trật tự trong khu dân cư lúc nửa đêm',
  ],
  traffic_accident: [
    'Va chạm giữa xe máy và ô tô tại ngã tư, một người bị thương',
    'Xe máy va chạm người đi bộ rồi bỏ chạy',
  ],
  other: ['Sự việc khác cần xác minh'],
};

/** How footage helped, as officers record it. */
export const helpedByChoices: readonly (readonly HelpedBy[])[] = [
  ['suspect'],
  ['vehicle'],
  ['route'],
  ['suspect', 'vehicle'],
  ['vehicle', 'route'],
  ['suspect', 'route'],
];

export const notes = {
  suspect: 'Trích xuất camera nhận dạng được đối tượng; đã triệu tập làm việc.',
  vehicle: 'Trích xuất camera xác định được biển số xe của đối tượng.',
  route: 'Camera nhà dân dọc đường cho thấy hướng đối tượng tẩu thoát.',
  withoutFootage: 'Xác minh qua lời khai nhân chứng và người dân hỗ trợ.',
  unsolved: 'Chưa xác định được đối tượng.',
  unsolvedWithRequests: 'Hình ảnh camera không đủ rõ để nhận dạng đối tượng.',
} as const;

export const requestReason = 'Trích xuất hình ảnh phục vụ xác minh, điều tra vụ việc';
export const declineReason = 'Đầu ghi đã ghi đè dữ liệu của khoảng thời gian này';
