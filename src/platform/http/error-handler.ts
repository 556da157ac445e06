import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './errors';

interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

/** Names the field of a schema validation error: `/latitude` → `latitude`. */
function fieldOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const params = first.params;
  const missing = typeof params.missingProperty === 'string' ? params.missingProperty : undefined;
  const extra =
    typeof params.additionalProperty === 'string' ? params.additionalProperty : undefined;
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  return [path, missing ?? extra].filter(Boolean).join('.') || undefined;
}

/** One place maps every error to `{"error":{"code","message","field"}}`; only real faults are 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let status = 500;
    let body: ErrorBody;
    if (error instanceof AppError) {
      status = error.status;
      body = {
        error: {
          code: error.code,
          message: error.message,
          field: error.field,
          details: error.details,
        },
      };
    } else if (error.validation) {
      status = 400;
      const field = fieldOf(error);
      const where = error.validationContext ?? 'request';
      const keyword = error.validation[0]?.keyword;
      // Ajv words "must have required property 'x'" for the parent; say it of the field itself.
      const reason =
        keyword === 'required'
          ? 'is required'
          : keyword === 'additionalProperties'
            ? 'is not a known field'
            : (error.validation[0]?.message ?? 'is invalid');
      body = {
        error: {
          code: 'validation',
          message: field ? `${field} ${reason}` : `${where} ${reason}`,
          field,
        },
      };
    } else if (
      typeof error.statusCode === 'number' &&
      error.statusCode >= 400 &&
      error.statusCode < 500
    ) {
      status = error.statusCode;
      const code =
        status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      body = { error: { code, message: error.message } };
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = { error: { code: 'internal', message: 'internal error' } };
    }
    return reply.code(status).send(body);
  });
}
