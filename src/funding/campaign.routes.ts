import Type from 'typebox';
import { requireActor } from '../auth/actor';
import { literals } from '../cameras/camera.types';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaign.service';
import { recordDonation, recordExpense } from './entries.service';
import { fundingReaders, fundingWriters } from './funding.access';
import { campaignStatuses, checkRawAmounts } from './funding.rules';
import {
  CampaignBody,
  CampaignPatchBody,
  CampaignSchema,
  CampaignSummarySchema,
  DonationBody,
  DonationSchema,
  ExpenseBody,
  ExpenseResultSchema,
  VietQrSchema,
} from './funding.schemas';
import { campaignQr, exportLedger } from './funding-files.service';

const tags = ['funding'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const ListQuery = Type.Object(
  {
    unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(literals(campaignStatuses)),
  },
  { additionalProperties: false },
);
const QrQuery = Type.Object(
  { amount: Type.Optional(Type.String({ maxLength: 20, description: 'whole đồng' })) },
  { additionalProperties: false },
);

/** Refuses `"1000"` and `1.5` before the schema could coerce or word them its own way. */
const amountsFirst = (fields: string[]) => (request: { body: unknown }) => {
  checkRawAmounts(request.body, fields);
  return Promise.resolve();
};

/** Community funding: campaigns, their donations and expenses, VietQR and the books as files. */
export function campaignRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/campaigns',
    {
      config: { access: fundingReaders },
      schema: {
        tags,
        summary: 'Campaigns in your jurisdiction, or of one unit and the units below it',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(CampaignSummarySchema) }) },
      },
    },
    async (request) => listCampaigns(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/api/campaigns',
    {
      config: { access: fundingWriters },
      preValidation: amountsFirst(['goalVnd']),
      schema: {
        tags,
        summary: 'Open a campaign for a unit: goal, period and the account donors pay into',
        description:
          'accountName is stored as the bank prints it: upper-case, without accents. ' +
          'bankBin must be a bank in the VietQR list.',
        body: CampaignBody,
        response: { 201: CampaignSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const campaign = await createCampaign(ctx, actor, request.body, { ip: request.ip });
      return reply.code(201).send(campaign);
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { access: fundingReaders },
      schema: {
        tags,
        summary: 'A campaign with its books and every donation and expense',
        params: IdParams,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => getCampaign(ctx, requireActor(request.actor), request.params.id),
  );

  app.patch(
    '/api/campaigns/:id',
    {
      config: { access: fundingWriters },
      preValidation: amountsFirst(['goalVnd']),
      schema: {
        tags,
        summary: 'Change a campaign’s text, goal, period, account or status (audited)',
        params: IdParams,
        body: CampaignPatchBody,
        response: { 200: CampaignSchema },
      },
    },
    async (request) =>
      updateCampaign(ctx, requireActor(request.actor), request.params.id, request.body, {
        ip: request.ip,
      }),
  );

  app.post(
    '/api/campaigns/:id/donations',
    {
      config: { access: fundingWriters },
      preValidation: amountsFirst(['amountVnd']),
      schema: {
        tags,
        summary: 'Record a donation (whole đồng; named publicly only with donorPublic)',
        params: IdParams,
        body: DonationBody,
        response: { 201: DonationSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const donation = await recordDonation(ctx, actor, request.params.id, request.body, {
        ip: request.ip,
      });
      return reply.code(201).send(donation);
    },
  );

  app.post(
    '/api/campaigns/:id/expenses',
    {
      config: { access: fundingWriters },
      preValidation: amountsFirst(['amountVnd']),
      schema: {
        tags,
        summary: 'Record an expense; one larger than the balance is kept and flagged',
        params: IdParams,
        body: ExpenseBody,
        response: { 201: ExpenseResultSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const result = await recordExpense(ctx, actor, request.params.id, request.body, {
        ip: request.ip,
      });
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/campaigns/:id/vietqr',
    {
      config: { access: fundingReaders },
      schema: {
        tags,
        summary: 'The VietQR payload for donating to the campaign account',
        params: IdParams,
        querystring: QrQuery,
        response: { 200: VietQrSchema },
      },
    },
    async (request) =>
      campaignQr(ctx, requireActor(request.actor), request.params.id, request.query.amount),
  );

  app.get(
    '/api/campaigns/:id/vietqr.png',
    {
      config: { access: fundingReaders },
      schema: {
        tags,
        summary: 'The VietQR code as a PNG image',
        params: IdParams,
        querystring: QrQuery,
        produces: ['image/png'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const qr = await campaignQr(ctx, actor, request.params.id, request.query.amount);
      return reply
        .type('image/png')
        .header('cache-control', 'no-store')
        .send(await qr.png());
    },
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/campaigns/:id/ledger.${format}`,
      {
        config: { access: fundingReaders },
        schema: {
          tags,
          summary: `The campaign’s books as ${format.toUpperCase()} (donor names shown; audited)`,
          params: IdParams,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request.actor);
        const file = await exportLedger(ctx, actor, request.params.id, format, {
          ip: request.ip,
        });
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
  }
}
