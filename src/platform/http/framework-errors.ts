import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemCode } from '../../texts/index.js';
import { problem } from './problem-details.js';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** The language of a request that never reached the language plugin: English when asked for first, else Dutch. */
const languageOf = (acceptLanguage: string | string[] | undefined) =>
  String(acceptLanguage ?? '')
    .trim()
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'nl';

/**
 * Fastify's own refusals before routing (a URL it cannot decode, a path parameter over its maximum length) as
 * problem details, like every other error (the `frameworkErrors` option).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const [status, code]: [number, ProblemCode] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? [414, 'uri_too_long'] : [400, 'bad_url'];
  return reply
    .code(status)
    .type(PROBLEM_TYPE)
    .send(problem(languageOf(request.headers['accept-language']), status, code, request.id));
}

/**
 * What the HTTP parser refuses (a broken request line, headers over the limit, a request that does not arrive in
 * time) as problem details written on the socket, where it can still be written (the `clientErrorHandler`).
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ProblemCode] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large']
        : [400, 'bad_request'];
  const body = JSON.stringify(problem('nl', status, code, randomUUID()));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
