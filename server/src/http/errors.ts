import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { type ErrorCode, HTTP_ERRORS, errorBody, describeValidationError } from "@whiteboard/shared";
import type { z } from "zod";
import { RATE_LIMITED_ERROR_CODE } from "./rate-limit.js";

/** Sends SPEC's error body with the status its code stands for. */
export function sendError(reply: FastifyReply, code: ErrorCode, message?: string): FastifyReply {
  return reply.code(HTTP_ERRORS[code].status).type("application/json; charset=utf-8").send(errorBody(code, message));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates a request body; a failure is a value carrying a message that names the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: describeValidationError(result.error) };
}

/** Fastify's own failures (body parsing, limits) in SPEC's shape; anything else is a bug. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => sendError(reply, "not_found"));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    switch (error.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return sendError(reply, "too_large", "The request body is over the size limit.");
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return sendError(reply, "bad_request", "body: not valid JSON");
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return sendError(reply, "bad_request", "body: Content-Type must be application/json");
      case RATE_LIMITED_ERROR_CODE:
        return sendError(reply, "rate_limited", error.message);
      default:
        break;
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, "bad_request", error.message);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendError(reply, "internal");
  });
}
