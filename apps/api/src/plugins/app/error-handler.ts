import type { ProblemResponse } from '@saa/contract/problem';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../../lib/app-error.ts';
import { isDatabaseUnavailable, isPoolExhausted } from '../../lib/database-errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

// Fastify's own client errors, mapped to our codes so clients see one vocabulary.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: ProblemResponse['errors'],
  extra?: Record<string, string>,
) {
  const body: ProblemResponse = {
    type: `https://saa-practice.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(errors ? { errors } : {}),
    ...extra,
  };
  return reply.status(status).type('application/problem+json').send(body);
}

/**
 * The errors Fastify's router answers before any route or hook runs (a malformed URL, a path
 * parameter over 100 characters): problem+json too, instead of Fastify's own JSON. Set as the
 * server's `frameworkErrors` option.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const long = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const detail = long ? 'A path parameter is too long.' : 'The request URL is malformed.';
  return sendProblem(request, reply, long ? 414 : 400, long ? 'uri_too_long' : 'bad_request', detail);
}

/** Every error leaves as RFC 9457 problem+json; 5xx bodies never carry internals. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        const retryAfter = error.retryAfterSeconds ?? (error.code === 'server_busy' ? 2 : undefined);
        if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
        return sendProblem(request, reply, error.status, error.code, error.message, error.fields, error.extra);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = error.validation.map((v) => {
          const where = error.validationContext ?? 'body';
          const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
          return { field: path ? `${where}.${path}` : where, message: v.message ?? 'is invalid' };
        });
        const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        return sendProblem(request, reply, 400, 'validation_failed', `Invalid request. ${summary}`, errors);
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'response did not match its schema');
        return sendProblem(request, reply, 500, 'internal', 'Something went wrong on our side.');
      }
      if (isPoolExhausted(error)) {
        // Every connection stayed busy for the whole wait: answer at once that the server is busy
        // rather than queue more work behind it.
        request.log.warn('no database connection free in time: 503 server_busy');
        reply.header('retry-after', '2');
        return sendProblem(request, reply, 503, 'server_busy', 'The server is busy right now; try again in a moment.');
      }
      if (isDatabaseUnavailable(error)) {
        request.log.error({ err: error }, 'database unavailable');
        reply.header('retry-after', '5');
        return sendProblem(
          request,
          reply,
          503,
          'database_unavailable',
          'The database is unavailable; try again shortly.',
        );
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const code =
          FASTIFY_CODES[error.code] ?? (status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : 'bad_request');
        const detail =
          error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'The request body is not valid JSON.' : error.message;
        return sendProblem(request, reply, status, code, detail);
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, 500, 'internal', 'Something went wrong on our side.');
    });
  },
  { name: 'error-handler' },
);

export { ERROR_STATUS };
