import Type, { type Static, type TSchema } from 'typebox';
import { roles } from './actor';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const RoleSchema = Type.Enum(roles);

/** The signed-in user, as the web app shows it. */
export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  jurisdictionId: Nullable(Type.String()),
  jurisdictionName: Nullable(Type.String()),
});
export type Me = Static<typeof MeSchema>;

/** A user as an admin manages it; never carries the password hash. */
export const UserSchema = Type.Object({
  ...MeSchema.properties,
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type User = Static<typeof UserSchema>;

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200 }),
    // Bounded so a huge body cannot make scrypt work for nothing.
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

const profileFields = {
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ maxLength: 1024 }),
  role: Type.String({ maxLength: 40 }),
  jurisdictionId: Nullable(Type.String({ maxLength: 200 })),
  phone: Nullable(Type.String({ maxLength: 40 })),
  email: Nullable(Type.String({ maxLength: 200 })),
};

export const CreateUserBodySchema = Type.Object(
  {
    username: Type.String({ maxLength: 200 }),
    displayName: profileFields.displayName,
    password: profileFields.password,
    role: profileFields.role,
    jurisdictionId: Type.Optional(profileFields.jurisdictionId),
    phone: Type.Optional(profileFields.phone),
    email: Type.Optional(profileFields.email),
  },
  { additionalProperties: false },
);

export const UpdateUserBodySchema = Type.Object(
  {
    displayName: Type.Optional(profileFields.displayName),
    password: Type.Optional(profileFields.password),
    role: Type.Optional(profileFields.role),
    jurisdictionId: Type.Optional(profileFields.jurisdictionId),
    phone: Type.Optional(profileFields.phone),
    email: Type.Optional(profileFields.email),
  },
  { additionalProperties: false },
);

export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
export type ApiToken = Static<typeof ApiTokenSchema>;

export const CreateTokenBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

export const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
export const OkSchema = Type.Object({ ok: Type.Boolean() });
