import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../auth/actor';
import { extractRecording } from '../evidence/extract';
import type { AppContext } from '../platform/context';
import type { Db } from '../platform/db/database';
import { AppError } from '../platform/http/errors';
import { extractedMessage, extractionFailedMessage } from './request.messages';
import { tellAbout } from './request.notices';
import { setExtraction, updateRequest, type RequestRow } from './request.repo';
import { factsOf } from './request.view';

// Extraction for an approved request runs after the answer is sent: joining an hour of
// segments takes seconds. The request says `pending`, then `done` (fulfilled) or `failed`.
// Jobs are tracked per database so shutdown and tests can wait for them instead of guessing.

const jobs = new WeakMap<Db, Set<Promise<void>>>();

/** Resolves once every extraction started on this context (and any they start) has ended. */
export async function pendingExtractions(ctx: Pick<AppContext, 'db'>): Promise<void> {
  const running = jobs.get(ctx.db);
  while (running && running.size > 0) await Promise.allSettled([...running]);
}

/** The state a request starts extraction in; write it with the status change that causes it. */
export const extractionStarted = { extraction_state: 'pending', extraction_error: null } as const;

function failureText(error: unknown): string {
  // AppErrors are written for people ("no footage … was recorded between …"); others are not.
  return error instanceof AppError ? error.message : 'the footage could not be extracted';
}

async function extract(
  ctx: AppContext,
  actor: Actor | null,
  row: RequestRow,
  logger: FastifyBaseLogger,
): Promise<void> {
  try {
    await extractRecording(
      ctx,
      actor,
      {
        incidentId: row.incident_id,
        requestId: row.id,
        cameraId: row.camera_id,
        fromMs: row.from_ms,
        toMs: row.to_ms,
      },
      logger,
    );
  } catch (error) {
    if (!(error instanceof AppError)) {
      logger.error({ err: (error as Error).message, request: row.id }, 'extraction failed');
    }
    const message = failureText(error);
    await setExtraction(ctx.db, row.id, {
      extraction_state: 'failed',
      extraction_error: message,
      updated_at: ctx.now().toISOString(),
    });
    await tellAbout(
      ctx,
      row,
      'request.extraction_failed',
      extractionFailedMessage(factsOf(row), message),
      logger,
    );
    return;
  }
  const at = ctx.now().toISOString();
  // A request cancelled while its footage was being joined keeps its status; the item stays.
  const fulfilled = await updateRequest(ctx.db, row.id, ['approved'], {
    status: 'fulfilled',
    extraction_state: 'done',
    extraction_error: null,
    updated_at: at,
  });
  if (!fulfilled) {
    await setExtraction(ctx.db, row.id, {
      extraction_state: 'done',
      extraction_error: null,
      updated_at: at,
    });
  }
  await tellAbout(ctx, row, 'request.extracted', extractedMessage(factsOf(row)), logger);
}

/** Starts extracting the request's window in the background; the caller has set `pending`. */
export function startExtraction(
  ctx: AppContext,
  actor: Actor | null,
  row: RequestRow,
  logger: FastifyBaseLogger,
): void {
  const running = jobs.get(ctx.db) ?? new Set<Promise<void>>();
  jobs.set(ctx.db, running);
  const job: Promise<void> = extract(ctx, actor, row, logger)
    .catch((error: unknown) => {
      logger.error(
        { err: (error as Error).message, request: row.id },
        'extraction bookkeeping failed',
      );
    })
    .finally(() => running.delete(job));
  running.add(job);
}
