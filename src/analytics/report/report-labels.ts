// Vietnamese names for the codes a report prints, worded as the web app words them. An unknown
// code is printed as it is rather than dropped, so a new value still shows in the report.

const ownerKinds: Record<string, string> = {
  ward: 'Phường/xã',
  residential_group: 'Tổ dân phố/thôn',
  household: 'Hộ gia đình',
  business: 'Doanh nghiệp, cửa hàng',
  school: 'Trường học',
  agency: 'Cơ quan',
};

const cameraStatuses: Record<string, string> = {
  planned: 'Dự kiến',
  installed: 'Đã lắp đặt',
  online: 'Đang hoạt động',
  offline: 'Mất kết nối',
  decommissioned: 'Đã ngừng sử dụng',
};

const consentTiers: Record<string, string> = {
  registry_only: 'Chỉ đăng ký vị trí',
  on_request: 'Trích xuất khi được yêu cầu',
  live_on_alarm: 'Xem trực tiếp khi có báo động',
  live_always: 'Xem trực tiếp thường xuyên',
};

const targetMetrics: Record<string, string> = {
  cameras: 'Số camera',
  coverage_pct: 'Tỷ lệ phủ đường phố (%)',
};

const unitLevels: Record<string, string> = {
  province: 'Tỉnh/thành phố',
  district: 'Quận/huyện',
  commune: 'Phường/xã',
  residential_group: 'Tổ dân phố/thôn',
};

/** Why a before/after comparison could not be made. */
const beforeAfterReasons: Record<string, string> = {
  no_rollout: 'chưa xác định được tháng lắp đặt camera',
  no_months_after: 'chưa đủ số tháng sau tháng lắp đặt',
  no_controls:
    'không có đơn vị cùng cấp nào không lắp camera mới trong cùng thời gian để đối chứng',
};

const pick = (table: Record<string, string>, code: string) => table[code] ?? code;

export const vnOwnerKind = (code: string) => pick(ownerKinds, code);
export const vnCameraStatus = (code: string) => pick(cameraStatuses, code);
export const vnConsentTier = (code: string) => pick(consentTiers, code);
export const vnTargetMetric = (code: string) => pick(targetMetrics, code);
export const vnUnitLevel = (code: string) => pick(unitLevels, code);

export const vnBeforeAfterReason = (code: string) => pick(beforeAfterReasons, code);

const incidentStatuses: Record<string, string> = {
  open: 'Mới tiếp nhận',
  investigating: 'Đang xác minh',
  solved: 'Đã làm rõ',
  unsolved: 'Chưa làm rõ',
  closed: 'Đã đóng',
};

export const vnIncidentStatus = (code: string) => pick(incidentStatuses, code);

const resolutions: Record<string, string> = { solved: 'Làm rõ', unsolved: 'Chưa làm rõ' };
export const vnResolution = (code: string | null) => (code ? pick(resolutions, code) : '');
