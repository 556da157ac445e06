import type { Actor, Role } from '../auth/actor';
import { listEvents } from '../audit/audit.repo';
import type { AppContext } from '../platform/context';
import { forbidden } from '../platform/http/errors';
import { lastRetentionReport } from './retention';
import { diskSpace, mediaDirOf, type DiskProbe, type DiskSpace } from './storage.disk';
import { footageTotals, heldBytes, perCameraFigures } from './storage.repo';

// The media store's figures. Footage totals and the camera list cover the caller's jurisdiction
// (everything for an admin); the quota, the disk and retention are the server's, shown to all
// who may see storage since they explain why footage in their area is or is not kept.

export const storageRoles = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
] as const satisfies readonly Role[];

export interface CameraStorage {
  cameraId: string;
  code: string;
  bytes: number;
  segments: number;
  oldestAt: string | null;
  retentionDays: number;
}

export interface RetentionSummary {
  at: string;
  deletedSegments: number;
  deletedBytes: number;
  reason: string;
  trigger: string | null;
  warnings: string[];
}

export interface StorageFigures {
  mediaDir: string;
  /** `all` for an admin; `jurisdiction` when the figures cover the caller's area only. */
  scope: 'all' | 'jurisdiction';
  totalBytes: number;
  segmentCount: number;
  heldBytes: number;
  oldestSegmentAt: string | null;
  quotaBytes: number;
  /** Footage of all cameras, which is what the quota counts. */
  quotaUsedBytes: number;
  minFreeBytes: number;
  disk: DiskSpace | null;
  perCamera: CameraStorage[];
  lastRetention: RetentionSummary | null;
  warnings: string[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** This process's last run, else the last run that deleted footage (audited by any node). */
async function lastRetention(ctx: AppContext): Promise<RetentionSummary | null> {
  const report = lastRetentionReport(ctx);
  if (report) {
    const { at, deletedSegments, deletedBytes, reason, trigger, warnings } = report;
    return { at, deletedSegments, deletedBytes, reason, trigger, warnings };
  }
  const [event] = await listEvents(ctx.db.kysely, {
    action: 'recording.retention',
    limit: 1,
    scopePath: null,
  });
  if (!event) return null;
  const details = JSON.parse(event.details ?? '{}') as Partial<RetentionSummary>;
  return {
    at: event.at,
    deletedSegments: Number(details.deletedSegments ?? 0),
    deletedBytes: Number(details.deletedBytes ?? 0),
    reason: typeof details.reason === 'string' ? details.reason : 'none',
    trigger: typeof details.trigger === 'string' ? details.trigger : null,
    warnings: [],
  };
}

export async function storageFigures(
  ctx: AppContext,
  actor: Actor,
  deps: { diskSpace?: DiskProbe } = {},
): Promise<StorageFigures> {
  if (!(storageRoles as readonly Role[]).includes(actor.role))
    throw forbidden(`the ${actor.role} role may not do this`);
  const admin = actor.role === 'admin';
  if (!admin && actor.scopePath === null) throw forbidden();
  const prefix = admin ? null : actor.scopePath;
  const mediaDir = mediaDirOf(ctx.config);
  const db = ctx.db.kysely;
  const [scoped, everything, held, heldEverywhere, cameras, disk, retention] = await Promise.all([
    footageTotals(db, prefix),
    admin ? null : footageTotals(db, null),
    heldBytes(db, prefix),
    admin ? null : heldBytes(db, null),
    perCameraFigures(db, prefix),
    (deps.diskSpace ?? diskSpace)(mediaDir),
    lastRetention(ctx),
  ]);
  const quotaBytes = ctx.config.storageQuotaBytes;
  const minFreeBytes = ctx.config.minFreeBytes;
  const quotaUsedBytes = (everything ?? scoped).bytes;
  const allHeld = heldEverywhere ?? held;
  const warnings: string[] = [];
  if (quotaBytes > 0 && allHeld > quotaBytes)
    warnings.push('held footage alone exceeds the storage quota: it is kept');
  else if (quotaBytes > 0 && quotaUsedBytes > quotaBytes)
    warnings.push('footage is over the storage quota until retention runs');
  if (disk && minFreeBytes > 0 && disk.freeBytes < minFreeBytes)
    warnings.push('free disk is below the minimum');
  return {
    mediaDir,
    scope: admin ? 'all' : 'jurisdiction',
    totalBytes: scoped.bytes,
    segmentCount: scoped.segments,
    heldBytes: held,
    oldestSegmentAt: iso(scoped.oldestMs),
    quotaBytes,
    quotaUsedBytes,
    minFreeBytes,
    disk,
    perCamera: cameras.map((row) => ({
      cameraId: row.camera_id,
      code: row.code,
      bytes: row.bytes,
      segments: row.segments,
      oldestAt: iso(row.oldest_ms),
      retentionDays: row.retention_days,
    })),
    lastRetention: retention,
    warnings,
  };
}
