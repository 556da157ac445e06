/** The one error type. The HTTP layer maps it to `{"error":{"code","message","field"}}`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string, details?: unknown) =>
  new AppError(400, 'bad_request', message, field, details);
export const unauthorized = (message = 'login required') =>
  new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'not allowed') => new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, field?: string) =>
  new AppError(409, 'conflict', message, field);
export const tooLarge = (message: string, field?: string) =>
  new AppError(413, 'too_large', message, field);
export const tooManyRequests = (message: string) => new AppError(429, 'too_many_requests', message);
