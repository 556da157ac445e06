import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { FootageRequestStatus } from '../platform/db/schema';
import { conflict, forbidden } from '../platform/http/errors';
import { extractionStarted, startExtraction } from './request.extraction';
import { approvedMessage, cancelledMessage, declinedMessage } from './request.messages';
import { tellAbout, type RequestNoticeKind } from './request.notices';
import * as repo from './request.repo';
import { reasonText, requireAnswerable, requireCancellable } from './request.rules';
import { getRequest, loadRequest, type RequestMeta } from './request.service';
import { factsOf, recordedByUs, type FootageRequest } from './request.view';

// Answers to a request: the owner approves or declines it; the police who work the case may
// cancel it. Each is a conditional update (two answers cannot both win), audited against the
// camera (with its owner and unit) so it shows in the owner's access log, and told to the other
// side.

type Action = 'request.approve' | 'request.decline' | 'request.cancel';

async function audit(
  ctx: AppContext,
  actor: Actor,
  row: repo.RequestRow,
  action: Action,
  reason: string | null,
  meta: RequestMeta,
): Promise<void> {
  await ctx.audit.record({
    actor,
    action,
    targetType: 'camera',
    targetId: row.camera_id,
    targetOwnerId: row.camera_owner_user_id,
    jurisdictionPath: row.camera_path,
    reason,
    ip: meta.ip ?? null,
    details: {
      requestId: row.id,
      incidentId: row.incident_id,
      caseNumber: row.case_number,
      cameraId: row.camera_id,
      cameraCode: row.camera_code,
    },
  });
}

async function loadAsOwner(ctx: AppContext, actor: Actor, id: string): Promise<repo.RequestRow> {
  const { row, as } = await loadRequest(ctx, actor, id);
  if (as !== 'owner') throw forbidden("only the camera's owner may answer this request");
  return row;
}

/** Applies a change that must start from one of `from`; 409 naming why when it lost a race. */
async function change(
  ctx: AppContext,
  row: repo.RequestRow,
  from: readonly FootageRequestStatus[],
  set: Parameters<typeof repo.updateRequest>[3],
  check: (status: FootageRequestStatus) => void,
): Promise<repo.RequestRow> {
  if (!(await repo.updateRequest(ctx.db, row.id, from, set))) {
    const now = await repo.findRequest(ctx.db, row.id);
    if (now) check(now.status);
    throw conflict('this request changed meanwhile: reload it');
  }
  return (await repo.findRequest(ctx.db, row.id))!;
}

async function finish(
  ctx: AppContext,
  actor: Actor,
  row: repo.RequestRow,
  action: Action,
  reason: string | null,
  notice: { kind: RequestNoticeKind; message: ReturnType<typeof approvedMessage> },
  meta: RequestMeta,
): Promise<void> {
  await audit(ctx, actor, row, action, reason, meta);
  await tellAbout(ctx, row, notice.kind, notice.message, meta.logger, actor.id);
}

/** The owner says yes. Footage we recorded of the window is then extracted without an upload. */
export async function approveRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<FootageRequest> {
  const row = await loadAsOwner(ctx, actor, id);
  requireAnswerable(row.status, 'approve');
  const extract = recordedByUs(row);
  const at = ctx.now().toISOString();
  const updated = await change(
    ctx,
    row,
    ['pending'],
    {
      status: 'approved',
      decided_at: at,
      decided_by: actor.id,
      ...(extract ? extractionStarted : {}),
      updated_at: at,
    },
    (status) => requireAnswerable(status, 'approve'),
  );
  const message = approvedMessage(factsOf(updated), extract);
  await finish(
    ctx,
    actor,
    updated,
    'request.approve',
    null,
    { kind: 'request.approved', message },
    meta,
  );
  // Collected by the server on the owner's word, not by the owner: no actor on the item.
  if (extract) startExtraction(ctx, null, updated, meta.logger);
  return getRequest(ctx, actor, id);
}

export async function declineRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reasonInput: string,
  meta: RequestMeta,
): Promise<FootageRequest> {
  const reason = reasonText(reasonInput, 'reason');
  const row = await loadAsOwner(ctx, actor, id);
  requireAnswerable(row.status, 'decline');
  const at = ctx.now().toISOString();
  const updated = await change(
    ctx,
    row,
    ['pending'],
    {
      status: 'declined',
      decline_reason: reason,
      decided_at: at,
      decided_by: actor.id,
      updated_at: at,
    },
    (status) => requireAnswerable(status, 'decline'),
  );
  const message = declinedMessage(factsOf(updated), reason);
  await finish(
    ctx,
    actor,
    updated,
    'request.decline',
    reason,
    { kind: 'request.declined', message },
    meta,
  );
  return getRequest(ctx, actor, id);
}

/** Police withdraw a request they no longer need; the reason is kept where a decline's is. */
export async function cancelRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reasonInput: string,
  meta: RequestMeta,
): Promise<FootageRequest> {
  const reason = reasonText(reasonInput, 'reason');
  const { row, as } = await loadRequest(ctx, actor, id);
  if (as !== 'police') throw forbidden('only the police may cancel a request');
  requireCancellable(row.status);
  const at = ctx.now().toISOString();
  const updated = await change(
    ctx,
    row,
    ['pending', 'approved'],
    {
      status: 'cancelled',
      decline_reason: reason,
      decided_at: at,
      decided_by: actor.id,
      updated_at: at,
    },
    requireCancellable,
  );
  const message = cancelledMessage(factsOf(updated), reason);
  await finish(
    ctx,
    actor,
    updated,
    'request.cancel',
    reason,
    { kind: 'request.cancelled', message },
    meta,
  );
  return getRequest(ctx, actor, id);
}
