import Type, { type Static, type TSchema } from 'typebox';
import type { PlannedSitePhotoTable } from '../platform/db/schema';
import { siteStatuses } from './site-lifecycle';
import type { SiteRow } from './sites.repo';

// Shapes of the planned-site routes (OpenAPI is generated from these) and the row → JSON view.

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
const DateOrNull = Nullable(Type.String({ description: 'YYYY-MM-DD, Vietnam calendar' }));

export const SiteStatusSchema = Type.Enum(siteStatuses);

export const PhotoSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mime: Type.String(),
  bytes: Type.Integer(),
  createdAt: Type.String(),
});
export type Photo = Static<typeof PhotoSchema>;

export const SiteSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  latitude: Type.Number(),
  longitude: Type.Number(),
  heading: Type.Number(),
  fov: Type.Number(),
  rangeM: Type.Number(),
  status: SiteStatusSchema,
  dates: Type.Object({
    proposed: DateOrNull,
    surveyed: DateOrNull,
    agreed: DateOrNull,
    funded: DateOrNull,
    installed: DateOrNull,
    connected: DateOrNull,
  }),
  responsibleName: Nullable(Type.String()),
  responsiblePhone: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  estimatedCostVnd: Nullable(Type.Integer()),
  cameraId: Nullable(Type.String()),
  cameraCode: Nullable(Type.String()),
  source: Type.Enum(['manual', 'suggestion'] as const),
  photos: Type.Array(PhotoSchema),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Site = Static<typeof SiteSchema>;

const lensFields = {
  latitude: Type.Number(),
  longitude: Type.Number(),
  heading: Type.Number(),
  fov: Type.Number(),
  rangeM: Type.Number(),
};
const detailFields = {
  address: OptionalText(300),
  responsibleName: OptionalText(200),
  responsiblePhone: OptionalText(40),
  notes: OptionalText(2000),
  estimatedCostVnd: Type.Optional(Nullable(Type.Number())),
};

export const CreateSiteBody = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    ...lensFields,
    ...detailFields,
    source: Type.Optional(Type.Enum(['manual', 'suggestion'] as const)),
  },
  { additionalProperties: false },
);

export const PatchSiteBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    latitude: Type.Optional(Type.Number()),
    longitude: Type.Optional(Type.Number()),
    heading: Type.Optional(Type.Number()),
    fov: Type.Optional(Type.Number()),
    rangeM: Type.Optional(Type.Number()),
    ...detailFields,
  },
  { additionalProperties: false },
);

export const StatusBody = Type.Object(
  {
    status: SiteStatusSchema,
    on: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; today if left out' })),
    cameraId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(SiteStatusSchema),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const PhotoParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
  photoId: Type.String({ minLength: 1, maxLength: 100 }),
});
export const PhotoQuery = Type.Object(
  { fileName: Type.Optional(Type.String({ maxLength: 400 })) },
  { additionalProperties: false },
);

export function toPhoto(row: PlannedSitePhotoTable): Photo {
  return {
    id: row.id,
    fileName: row.file_name,
    mime: row.mime,
    bytes: Number(row.bytes),
    createdAt: row.created_at,
  };
}

export function toSite(row: SiteRow, photos: readonly PlannedSitePhotoTable[]): Site {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name ?? '',
    name: row.name,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    heading: row.heading,
    fov: row.fov,
    rangeM: row.range_m,
    status: row.status,
    dates: {
      proposed: row.proposed_at,
      surveyed: row.surveyed_at,
      agreed: row.agreed_at,
      funded: row.funded_at,
      installed: row.installed_at,
      connected: row.connected_at,
    },
    responsibleName: row.responsible_name,
    responsiblePhone: row.responsible_phone,
    notes: row.notes,
    estimatedCostVnd: row.estimated_cost_vnd === null ? null : Number(row.estimated_cost_vnd),
    cameraId: row.camera_id,
    cameraCode: row.camera_code,
    source: row.source,
    photos: photos.map(toPhoto),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
