import type { FastifyBaseLogger } from 'fastify';
import { notify } from '../notifications/notify';
import type { AppContext } from '../platform/context';
import type { Message } from './request.messages';
import type { RequestRow } from './request.repo';

// Who hears about a request: its camera's owner when it is made or cancelled (on "my
// requests"), and the officer who made it when it is answered (on the case page).

export type RequestNoticeKind =
  | 'request.new'
  | 'request.cancelled'
  | 'request.approved'
  | 'request.declined'
  | 'request.uploaded'
  | 'request.extracted'
  | 'request.extraction_failed';

const ownerKinds: readonly RequestNoticeKind[] = ['request.new', 'request.cancelled'];

/**
 * Tells the owner or the officer. A notice is a courtesy: when it cannot be stored the change
 * it reports stands, so the failure is logged rather than thrown.
 */
export async function tellAbout(
  ctx: AppContext,
  row: Pick<RequestRow, 'id' | 'incident_id' | 'camera_owner_user_id' | 'created_by'>,
  kind: RequestNoticeKind,
  message: Message,
  logger: FastifyBaseLogger,
  exceptUserId: string | null = null,
): Promise<void> {
  const toOwner = ownerKinds.includes(kind);
  const userId = toOwner ? row.camera_owner_user_id : row.created_by;
  if (userId === null || userId === exceptUserId) return;
  try {
    await notify(ctx, {
      userId,
      kind,
      title: message.title,
      body: message.body,
      link: toOwner ? '/my-requests' : `/incidents/${row.incident_id}`,
      targetType: 'footage_request',
      targetId: row.id,
    });
  } catch (error) {
    logger.error(
      { err: (error as Error).message, request: row.id, kind },
      'notification not stored',
    );
  }
}
