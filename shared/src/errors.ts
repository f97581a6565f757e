/**
 * One catalogue of the errors a client can see: HTTP error codes with their status, and the
 * WebSocket close codes. Transports turn failures into these; nothing else reaches a client.
 */

export const HTTP_ERRORS = {
  bad_request: { status: 400, message: "The request is malformed." },
  /** `GET /api/boards` without the operator's token. */
  unauthorized: { status: 401, message: "This needs the operator's token." },
  /** A WebSocket upgrade or state-changing call from an origin that may not make it. */
  forbidden: { status: 403, message: "Forbidden." },
  not_found: { status: 404, message: "Not found." },
  too_large: { status: 413, message: "The request body is too large." },
  rate_limited: { status: 429, message: "Too many requests; retry later." },
  internal: { status: 500, message: "Something went wrong on the server." },
  unavailable: { status: 503, message: "The server is shutting down; retry shortly." },
} as const;

export type ErrorCode = keyof typeof HTTP_ERRORS;

/** SPEC: every 4xx/5xx response has this body. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function errorBody(code: ErrorCode, message: string = HTTP_ERRORS[code].message): ErrorBody {
  return { error: { code, message } };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/**
 * WebSocket close codes (RFC 6455 numbers where one fits, 4xxx for the application's own).
 * SPEC names 1009, 1007/1002 and 1008; 4404 tells an editor its board is gone, so the
 * client can stop reconnecting.
 */
export const WS_CLOSE = {
  /** A frame over the size limit. */
  tooLarge: 1009,
  /** A message that cannot be decoded, or an update Yjs rejects. */
  invalidData: 1007,
  /** Too many messages, or an awareness state the connection does not own beyond the caps. */
  policyViolation: 1008,
  /** The server is shutting down; the client should reconnect later. */
  goingAway: 1001,
  /**
   * "Try again later" (RFC 6455): the board's storage refused a write (a full disk, an I/O
   * error). Nothing of what the editor sent was forwarded; it resends on reconnect.
   */
  storageUnavailable: 1013,
  /** The board was deleted while the socket was open. */
  boardDeleted: 4404,
  /** The board's links were reset: this id no longer opens it. Final, like 4404. */
  linksReset: 4401,
  /**
   * The board's stored data is damaged (bytes Yjs rejects): it is quarantined until an operator
   * repairs it and restarts the server. A server-side condition, so 45xx, not 44xx: the stock
   * provider keeps retrying (each attempt is refused from memory, cheaply) and so recovers by
   * itself after the repair; our editor page stops at once and says why.
   */
  boardDamaged: 4500,
} as const;
