import Type, { type Static, type TSchema } from 'typebox';
import { literals } from '../cameras/camera.types';
import { campaignStatuses, donationChannels } from './funding.rules';

// The JSON shapes of campaigns, donations and expenses, as the API takes and sends them.
// Amounts are whole đồng: `Type.Integer` here, and the routes check the raw body first so that
// `"1000"` (text) and `1.5` are refused with a message naming the field, not coerced.

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ description: 'YYYY-MM-DD (Vietnam calendar)', maxLength: 10 });
const Vnd = Type.Integer({ minimum: 1, description: 'whole đồng, more than 0' });
const OptionalText = (maxLength: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));
const Ids = Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 2000 }));

const accountNameDoc =
  'the holder as the bank prints it; stored upper-case without accents ' +
  '("Quỹ camera Thạch Trị" → "QUY CAMERA THACH TRI")';

export const CampaignBody = Type.Object(
  {
    unitId: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ maxLength: 200 }),
    description: Type.String({ maxLength: 5000 }),
    goalVnd: Vnd,
    startsOn: Day,
    endsOn: Day,
    bankBin: Type.String({ description: 'NAPAS BIN, 6 digits', maxLength: 6 }),
    bankName: Type.Optional(
      Type.String({ maxLength: 200, description: 'defaults to the bank’s short name' }),
    ),
    accountNumber: Type.String({ description: '6–19 digits', maxLength: 40 }),
    accountName: Type.String({ maxLength: 100, description: accountNameDoc }),
  },
  { additionalProperties: false },
);
export type CampaignInput = Static<typeof CampaignBody>;

export const CampaignPatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    goalVnd: Type.Optional(Vnd),
    startsOn: Type.Optional(Day),
    endsOn: Type.Optional(Day),
    bankBin: Type.Optional(Type.String({ maxLength: 6 })),
    bankName: Type.Optional(Type.String({ maxLength: 200 })),
    accountNumber: Type.Optional(Type.String({ maxLength: 40 })),
    accountName: Type.Optional(Type.String({ maxLength: 100, description: accountNameDoc })),
    status: Type.Optional(literals(campaignStatuses)),
  },
  { additionalProperties: false },
);
export type CampaignPatch = Static<typeof CampaignPatchBody>;

export const DonationBody = Type.Object(
  {
    donorName: OptionalText(200),
    donorPublic: Type.Optional(Type.Boolean({ description: 'the donor agreed to be named' })),
    amountVnd: Vnd,
    donatedOn: Day,
    channel: Type.String({ maxLength: 20, description: donationChannels.join(', ') }),
    receiptNumber: OptionalText(60),
    note: OptionalText(1000),
  },
  { additionalProperties: false },
);
export type DonationInput = Static<typeof DonationBody>;

export const ExpenseBody = Type.Object(
  {
    item: Type.String({ maxLength: 300 }),
    supplier: OptionalText(200),
    amountVnd: Vnd,
    spentOn: Day,
    cameraIds: Ids,
    siteIds: Ids,
    receiptNumber: OptionalText(60),
    note: OptionalText(1000),
  },
  { additionalProperties: false },
);
export type ExpenseInput = Static<typeof ExpenseBody>;

export const LedgerSchema = Type.Object({
  raisedVnd: Type.Integer(),
  spentVnd: Type.Integer(),
  balanceVnd: Type.Integer(),
  goalVnd: Type.Integer(),
  progressPct: Type.Integer(),
  overBalanceCount: Type.Integer(),
  donations: Type.Integer(),
  expenses: Type.Integer(),
});

export const DonationSchema = Type.Object({
  id: Type.String(),
  donorName: Nullable(Type.String()),
  donorPublic: Type.Boolean(),
  anonymous: Type.Boolean(),
  amountVnd: Type.Integer(),
  donatedOn: Type.String(),
  channel: literals(donationChannels),
  receiptNumber: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Donation = Static<typeof DonationSchema>;

export const ExpenseSchema = Type.Object({
  id: Type.String(),
  item: Type.String(),
  supplier: Nullable(Type.String()),
  amountVnd: Type.Integer(),
  spentOn: Type.String(),
  cameraIds: Type.Array(Type.String()),
  siteIds: Type.Array(Type.String()),
  receiptNumber: Nullable(Type.String()),
  note: Nullable(Type.String()),
  overBalance: Type.Boolean(),
  createdAt: Type.String(),
});
export type Expense = Static<typeof ExpenseSchema>;

const summaryFields = {
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  name: Type.String(),
  description: Type.String(),
  goalVnd: Type.Integer(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  bankBin: Type.String(),
  bankName: Type.String(),
  accountNumber: Type.String(),
  accountName: Type.String(),
  status: literals(campaignStatuses),
  ledger: LedgerSchema,
  camerasFunded: Type.Integer(),
  costPerCameraVnd: Nullable(Type.Integer()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const CampaignSummarySchema = Type.Object(summaryFields);
export type CampaignSummary = Static<typeof CampaignSummarySchema>;

export const CampaignSchema = Type.Object({
  ...summaryFields,
  donations: Type.Array(DonationSchema),
  expenses: Type.Array(ExpenseSchema),
});
export type Campaign = Static<typeof CampaignSchema>;

export const ExpenseResultSchema = Type.Object({
  expense: ExpenseSchema,
  overBalance: Type.Boolean(),
  warning: Nullable(Type.String({ description: '"over_balance" when the expense exceeded it' })),
});

export const VietQrSchema = Type.Object({
  payload: Type.String(),
  bankBin: Type.String(),
  bankName: Type.String(),
  accountNumber: Type.String(),
  accountName: Type.String(),
  amountVnd: Nullable(Type.Integer()),
  purpose: Type.String(),
});
