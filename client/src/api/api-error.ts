import { isErrorBody } from "@whiteboard/shared";

/** A failed API call, carrying SPEC's error code and message so the page can show the message. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    /** The HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const NETWORK_ERROR_MESSAGE = "Could not reach the server. Check your connection and try again.";

/** Reads SPEC's error body; a proxy's HTML error page or an empty body still yields a message. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) return new ApiError(response.status, body.error.code, body.error.message);
  const reason = response.statusText ? ` ${response.statusText}` : "";
  return new ApiError(response.status, "unexpected", `The server answered ${response.status}${reason}.`);
}

/** What to show a person for any failure: our errors carry the server's words, bugs get a generic line. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Try again.";
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
