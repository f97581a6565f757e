import type { FastifyReply, FastifyRequest } from "fastify";
import type { Accepts, Capabilities, Grant, Resolution } from "../access/capabilities.js";
import { sendError } from "./errors.js";

const NOT_FOUND_MESSAGE: Record<Accepts, string> = {
  edit: "No board with this id.",
  view: "No board with this view id.",
  "edit-or-view": "No board with this link.",
  "edit-including-trash": "No board with this id.",
};

/** SPEC's 429 for an address that has failed too many lookups, with `Retry-After` in seconds. */
export function sendLookupLimited(reply: FastifyReply, retryAfterMs: number): FastifyReply {
  const seconds = Math.ceil(retryAfterMs / 1000);
  reply.header("Retry-After", String(seconds));
  return sendError(reply, "rate_limited", `Too many unknown links from this address; retry in ${seconds} s.`);
}

/** Sends the error a failed resolution stands for. */
export function sendRefusal(reply: FastifyReply, resolution: Exclude<Resolution, { ok: true }>, accepts: Accepts): FastifyReply {
  return resolution.code === "rate_limited"
    ? sendLookupLimited(reply, resolution.retryAfterMs)
    : sendError(reply, "not_found", NOT_FOUND_MESSAGE[accepts]);
}

/**
 * An HTTP route's capability check: the grant, or undefined once the refusal has been sent.
 * Routes never look at ids themselves beyond passing them here.
 */
export async function grantFor(
  capabilities: Capabilities,
  request: FastifyRequest,
  reply: FastifyReply,
  capability: string,
  accepts: Accepts,
): Promise<Grant | undefined> {
  const resolution = await capabilities.resolve(request.ip, capability, accepts);
  if (resolution.ok) return resolution.grant;
  sendRefusal(reply, resolution, accepts);
  return undefined;
}
