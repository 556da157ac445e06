import Type from 'typebox';

// The package API's shapes, documented in OpenAPI.

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const EvidencePackageSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  fileName: Type.String(),
  bytes: Type.Number(),
  sha256: Type.String(),
  manifestSha256: Type.String(),
  itemCount: Type.Integer(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const EvidencePackageListSchema = Type.Object({ items: Type.Array(EvidencePackageSchema) });

export const PublicKeySchema = Type.Object({
  publicKeyPem: Type.String(),
  fingerprint: Type.String({ description: 'SHA-256 of the public key (DER, SPKI), hex' }),
});
