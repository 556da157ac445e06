import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { requireActor } from '../../auth/actor';
import type { AppContext } from '../../platform/context';
import type { App } from '../../platform/http/app';
import { analyticsReaders } from '../analytics.access';
import type { ReportFile } from './report.service';
import { startReportSchedule, type ReportSchedule } from './schedule';
import {
  downloadMonthlyReport,
  downloadStoredReport,
  listScheduledReports,
} from './report.service';

const tags = ['analytics'];
const MonthlyQuery = Type.Object(
  {
    unitId: Type.String({ minLength: 1, maxLength: 100 }),
    month: Type.String({
      pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
      description: 'YYYY-MM, a month that is over',
    }),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  { unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
const FileParams = Type.Object({
  unitCode: Type.String({ minLength: 1, maxLength: 100 }),
  file: Type.String({ minLength: 1, maxLength: 40 }),
});
const ScheduledReportSchema = Type.Object({
  unitId: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  month: Type.String(),
  pdf: Type.Union([Type.String(), Type.Null()]),
  xlsx: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const send = (reply: FastifyReply, file: ReportFile) =>
  reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);

/** Monthly reports per unit: PDF and XLSX on demand, and the schedule's stored files. */
export function reportRoutes(app: App, ctx: AppContext): void {
  // Each ward's report is written on the 1st by the process that serves the app.
  let schedule: ReportSchedule | null = null;
  app.addHook('onReady', (done) => {
    if (ctx.config.reportSchedule) {
      schedule = startReportSchedule(ctx, app.log.child({ module: 'reports' }));
    }
    done();
  });
  app.addHook('onClose', async () => {
    await schedule?.stop();
  });

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/reports/monthly.${format}`,
      {
        config: { access: analyticsReaders },
        schema: {
          tags,
          summary: `A unit’s monthly report as ${format.toUpperCase()} (Vietnamese; audited)`,
          description:
            'The month must be over. Every figure carries the key that /api/analytics/records lists.',
          querystring: MonthlyQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request.actor);
        const file = await downloadMonthlyReport(ctx, actor, request.query, format, {
          ip: request.ip,
        });
        return send(reply, file);
      },
    );
  }

  app.get(
    '/api/reports',
    {
      config: { access: analyticsReaders },
      schema: {
        tags,
        summary: 'Reports made by the monthly schedule, in your jurisdiction or under one unit',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(ScheduledReportSchema) }) },
      },
    },
    async (request) => listScheduledReports(ctx, requireActor(request.actor), request.query.unitId),
  );

  app.get(
    '/api/reports/files/:unitCode/:file',
    {
      config: { access: analyticsReaders },
      schema: { tags, summary: 'One stored report file (audited)', params: FileParams },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { unitCode, file } = request.params;
      return send(
        reply,
        await downloadStoredReport(ctx, actor, unitCode, file, { ip: request.ip }),
      );
    },
  );
}
