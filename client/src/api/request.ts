import { ApiError, NETWORK_ERROR_MESSAGE, errorFromResponse, isAbort } from "./api-error";

/** The part of a zod schema this module uses; the client takes its schemas from `@whiteboard/shared`. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * `fetch` that throws an `ApiError` for a non-2xx answer and for a network failure. A 304 is
 * returned, not thrown: it is how a conditional request says "nothing changed".
 */
export async function request(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    // The caller asked for the abort; it is not a failure to show.
    if (isAbort(error)) throw error;
    throw new ApiError(0, "network", NETWORK_ERROR_MESSAGE);
  }
  if (response.ok || response.status === 304) return response;
  throw await errorFromResponse(response);
}

/** Parses a success body against the contract, so a mismatched server fails here and not deep in a render. */
export async function readBody<T>(response: Response, schema: Schema<T>): Promise<T> {
  return (await readMeasuredBody(response, schema)).value;
}

/**
 * `readBody`, also telling how many bytes the body had as the page received it (after any
 * content decoding): read as bytes and decoded here, which is what `response.json()` does inside.
 */
export async function readMeasuredBody<T>(response: Response, schema: Schema<T>): Promise<{ value: T; bytes: number }> {
  const body = await response.arrayBuffer().catch(() => new ArrayBuffer(0));
  const parsed = schema.safeParse(parseJson(new TextDecoder().decode(body)));
  if (!parsed.success) throw new ApiError(response.status, "unexpected", "The server sent an unexpected answer.");
  return { value: parsed.data, bytes: body.byteLength };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function jsonInit(method: string, body: unknown, signal?: AbortSignal): RequestInit {
  return {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  };
}
