import Type, { type TSchema } from 'typebox';
import { literals } from '../cameras/camera.types';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { campaignStatuses } from './funding.rules';
import { getPublicCampaign, listPublicCampaigns, publicQrPng } from './public.service';

// The transparency page's API: no login. The response schemas are the allow-list of what
// leaves the server, so a field added to a campaign row cannot leak here by accident.

const tags = ['transparency'];
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const summaryFields = {
  id: Type.String(),
  unitName: Type.String(),
  name: Type.String(),
  goalVnd: Type.Integer(),
  raisedVnd: Type.Integer(),
  spentVnd: Type.Integer(),
  balanceVnd: Type.Integer(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: literals(campaignStatuses),
  camerasInstalled: Type.Integer(),
  coveragePct: Nullable(Type.Number()),
};

const PublicSummarySchema = Type.Object(summaryFields);

const PublicCampaignSchema = Type.Object({
  ...summaryFields,
  description: Type.String(),
  donors: Type.Array(
    Type.Object({ name: Type.String(), amountVnd: Type.Integer(), donatedOn: Type.String() }),
  ),
  anonymousCount: Type.Integer(),
  anonymousVnd: Type.Integer(),
  expenses: Type.Array(
    Type.Object({
      item: Type.String(),
      supplier: Nullable(Type.String()),
      amountVnd: Type.Integer(),
      spentOn: Type.String(),
    }),
  ),
  vietqr: Type.Object({
    payload: Type.String(),
    bankName: Type.String(),
    accountNumber: Type.String(),
    accountName: Type.String(),
  }),
});

export function publicFundingRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/public/campaigns',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every campaign: money raised and spent, cameras installed, coverage reached',
        security: [],
        response: { 200: Type.Object({ items: Type.Array(PublicSummarySchema) }) },
      },
    },
    async () => listPublicCampaigns(ctx),
  );

  app.get(
    '/api/public/campaigns/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One campaign in the open: donors who agreed to be named, expenses, VietQR',
        security: [],
        params: IdParams,
        response: { 200: PublicCampaignSchema },
      },
    },
    async (request) => getPublicCampaign(ctx, request.params.id),
  );

  app.get(
    '/api/public/campaigns/:id/vietqr.png',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The campaign’s donation QR code (VietQR, no amount) as a PNG',
        security: [],
        params: IdParams,
        produces: ['image/png'],
      },
    },
    async (request, reply) => {
      const png = await publicQrPng(ctx, request.params.id);
      return reply.type('image/png').header('cache-control', 'public, max-age=300').send(png);
    },
  );
}
