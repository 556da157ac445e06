import Type, { type Static, type TSchema } from 'typebox';
import type { JurisdictionTable } from '../platform/db/schema';

/** Province/city → district (historic since 1 July 2025) → ward/commune/town → residential group/village. */
export const jurisdictionLevels = ['province', 'district', 'commune', 'residential_group'] as const;
export type JurisdictionLevel = (typeof jurisdictionLevels)[number];

export function isJurisdictionLevel(value: string): value is JurisdictionLevel {
  return (jurisdictionLevels as readonly string[]).includes(value);
}

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The API's `Unit`. Dates are calendar days (YYYY-MM-DD), both ends inclusive. */
export const JurisdictionSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  level: Type.Enum(jurisdictionLevels),
  kind: Type.String(),
  parentId: nullable(Type.String()),
  validFrom: Type.String({ format: 'date' }),
  validTo: nullable(Type.String({ format: 'date' })),
  successorId: nullable(Type.String()),
  latitude: nullable(Type.Number()),
  longitude: nullable(Type.Number()),
});
export type Jurisdiction = Static<typeof JurisdictionSchema>;

export const JurisdictionDetailSchema = Type.Intersect([
  JurisdictionSchema,
  Type.Object({
    ancestors: Type.Array(JurisdictionSchema),
    children: Type.Array(JurisdictionSchema),
    /** The unit today, after following successor links (itself when it still exists). */
    current: JurisdictionSchema,
  }),
]);
export type JurisdictionDetail = Static<typeof JurisdictionDetailSchema>;

export type JurisdictionRow = JurisdictionTable;

export function toJurisdiction(row: JurisdictionRow): Jurisdiction {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorId: row.successor_id,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

/** One problem with one row of an import; `column` is null when the whole row or file is at fault. */
export interface RowProblem {
  line: number;
  column: string | null;
  reason: string;
}
