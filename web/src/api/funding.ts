// Typed calls to the funding API: campaigns, their donations and expenses, the VietQR code for
// giving, the ledger exports, and the public transparency pages. Amounts are whole VND.
import { api, withQuery } from './client';

export const campaignStatuses = ['active', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const donationChannels = ['cash', 'bank_transfer', 'vietqr', 'other'] as const;
export type DonationChannel = (typeof donationChannels)[number];

export interface Ledger {
  raisedVnd: number;
  spentVnd: number;
  balanceVnd: number;
  goalVnd: number;
  progressPct: number;
  donations: number;
  expenses: number;
}

export interface Donation {
  id: string;
  donorName: string | null;
  donorPublic: boolean;
  anonymous: boolean;
  amountVnd: number;
  donatedOn: string;
  channel: DonationChannel;
  receiptNumber: string | null;
  note: string | null;
  createdAt: string;
}

export interface Expense {
  id: string;
  item: string;
  supplier: string | null;
  amountVnd: number;
  spentOn: string;
  cameraIds: string[];
  siteIds: string[];
  receiptNumber: string | null;
  note: string | null;
  overBalance: boolean;
  createdAt: string;
}

export interface CampaignFields {
  unitId: string;
  name: string;
  description: string;
  goalVnd: number;
  startsOn: string;
  endsOn: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
}

export interface Campaign extends CampaignFields {
  id: string;
  unitName: string;
  status: CampaignStatus;
  ledger: Ledger;
  camerasFunded: number;
  costPerCameraVnd: number | null;
  donations: Donation[];
  expenses: Expense[];
  createdAt: string;
}

export type CampaignSummary = Omit<Campaign, 'donations' | 'expenses'> &
  Partial<Pick<Campaign, 'donations' | 'expenses'>>;

/**
 * Amounts may be a fraction or zero here, or missing when nothing usable was typed: the
 * server, not the form, says what is wrong, naming the field.
 */
export interface DonationInput {
  donorName?: string;
  donorPublic?: boolean;
  amountVnd: number | undefined;
  donatedOn: string;
  channel: DonationChannel;
  receiptNumber?: string;
  note?: string;
}

export interface ExpenseInput {
  item: string;
  supplier?: string;
  amountVnd: number | undefined;
  spentOn: string;
  cameraIds?: string[];
  siteIds?: string[];
  receiptNumber?: string;
  note?: string;
}

export interface ExpenseResult {
  expense: Expense;
  overBalance: boolean;
  warning: string | null;
}

export interface PublicCampaignSummary {
  id: string;
  unitName: string;
  name: string;
  goalVnd: number;
  raisedVnd: number;
  spentVnd: number;
  balanceVnd: number;
  startsOn: string;
  endsOn: string;
  status: CampaignStatus;
  camerasInstalled: number;
  coveragePct: number | null;
}

export interface PublicCampaign extends PublicCampaignSummary {
  description: string;
  donors: { name: string; amountVnd: number; donatedOn: string }[];
  anonymousCount: number;
  anonymousVnd: number;
  expenses: { item: string; supplier: string | null; amountVnd: number; spentOn: string }[];
  vietqr: { payload: string; bankName: string; accountNumber: string; accountName: string };
}

const campaignPath = (id: string, rest = '') =>
  `/api/campaigns/${encodeURIComponent(id)}${rest ? `/${rest}` : ''}`;

export const campaigns = {
  list: (unitId?: string) => api.get<{ items: CampaignSummary[] }>('/api/campaigns', { unitId }),
  get: (id: string) => api.get<Campaign>(campaignPath(id)),
  create: (input: CampaignFields) => api.post<Campaign>('/api/campaigns', input),
  update: (id: string, change: Partial<CampaignFields> & { status?: CampaignStatus }) =>
    api.patch<Campaign>(campaignPath(id), change),
  donate: (id: string, input: DonationInput) =>
    api.post<Donation>(campaignPath(id, 'donations'), input),
  spend: (id: string, input: ExpenseInput) =>
    api.post<ExpenseResult>(campaignPath(id, 'expenses'), input),
  /** The QR image for giving to the account, with the amount filled in when one is given. */
  qrImageUrl: (id: string, amountVnd: number | null) =>
    withQuery(campaignPath(id, 'vietqr.png'), { amount: amountVnd }),
  exportUrl: (id: string, format: 'xlsx' | 'csv') => campaignPath(id, `ledger.${format}`),
};

export const publicCampaigns = {
  list: () => api.get<{ items: PublicCampaignSummary[] }>('/api/public/campaigns'),
  get: (id: string) => api.get<PublicCampaign>(`/api/public/campaigns/${encodeURIComponent(id)}`),
  qrImageUrl: (id: string) => `/api/public/campaigns/${encodeURIComponent(id)}/vietqr.png`,
};
