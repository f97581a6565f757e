import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DEVICE_LINK_TTL_MS, createLibrarySchema, isWellFormedId, joinLibrarySchema, redeemDeviceLinkSchema } from "@whiteboard/shared";
import type { MembershipRecord } from "../storage/store.js";
import { hashSecret, newSecret } from "../access/secrets.js";
import { parseBody, sendError } from "./errors.js";
import { sendLookupLimited } from "./edge.js";
import { libraryJson } from "./library.js";
import type { RouteDeps } from "./route-deps.js";

type ByLibrary = { Params: { libraryId: string } };

/** Shared libraries (create, join by invite, rotate, leave) and device links. */
export function registerLibraries(app: FastifyInstance, deps: RouteDeps): void {
  const { store, live, members, capabilities, now } = deps;

  /** The caller's membership of `:libraryId`, or undefined once a 404 is sent. */
  async function membershipFor(request: FastifyRequest<ByLibrary>, reply: FastifyReply): Promise<MembershipRecord | undefined> {
    const { libraryId } = request.params;
    const member = await members.known(request);
    const membership = member && isWellFormedId(libraryId) ? await store.membership(member.key, libraryId) : undefined;
    if (!membership) sendError(reply, "not_found", "No such library of yours.");
    return membership;
  }

  app.post("/api/libraries", async (request, reply) => {
    const parsed = parseBody(createLibrarySchema, request.body);
    if (!parsed.ok) return sendError(reply, "bad_request", parsed.message);
    const member = await members.ensure(request, reply);
    const library = await store.createLibrary(member.key, parsed.value.name);
    return reply.code(201).send({ id: library.libraryId, name: library.name, invite: library.invite });
  });

  app.post("/api/libraries/join", async (request, reply) => {
    const retryAfterMs = capabilities.retryAfterMs(request.ip);
    if (retryAfterMs > 0) return sendLookupLimited(reply, retryAfterMs);
    const parsed = parseBody(joinLibrarySchema, request.body);
    if (!parsed.ok) {
      capabilities.failed(request.ip);
      return sendError(reply, "not_found", "No library with this invite.");
    }
    const { invite } = parsed.value;
    const member = await members.ensure(request, reply);
    const joined = await store.joinByInvite(member.key, invite);
    if (!joined) {
      capabilities.failed(request.ip);
      return sendError(reply, "not_found", "No library with this invite.");
    }
    return libraryJson(joined, await store.entries(member.key), live);
  });

  app.post<ByLibrary>("/api/libraries/:libraryId/invite", async (request, reply) => {
    const membership = await membershipFor(request, reply);
    if (!membership) return reply;
    if (membership.personal) return sendError(reply, "bad_request", "libraryId: a personal library has no invite.");
    return { invite: await store.rotateInvite(membership.libraryId) };
  });

  app.delete<ByLibrary>("/api/libraries/:libraryId/membership", async (request, reply) => {
    const membership = await membershipFor(request, reply);
    if (!membership) return reply;
    if (membership.personal) return sendError(reply, "bad_request", "libraryId: the personal library cannot be left.");
    const member = (await members.known(request))!;
    await store.leaveLibrary(member.key, membership.libraryId);
    return reply.code(204).send();
  });

  // A device link makes this browser the member who made it. It has a page of its own
  // (`/device/:token`) that asks before acting, and it only works in a browser that has saved
  // nothing yet: a link passed off as an invite can neither take someone's list away nor hand
  // it to whoever made the link.
  app.post("/api/member/devices", async (request, reply) => {
    const retryAfterMs = capabilities.retryAfterMs(request.ip);
    if (retryAfterMs > 0) return sendLookupLimited(reply, retryAfterMs);
    const parsed = parseBody(redeemDeviceLinkSchema, request.body);
    const owner = parsed.ok ? await store.redeemDeviceLink(hashSecret(parsed.value.token), now()) : undefined;
    if (!owner) {
      capabilities.failed(request.ip);
      return sendError(reply, "not_found", "This device link was used already, has expired, or never existed.");
    }
    const current = await members.known(request);
    if (current && current.key !== owner.key) {
      const [memberships, entries] = await Promise.all([store.memberships(current.key), store.entries(current.key)]);
      if (memberships.length > 1 || entries.length > 0) {
        return sendError(
          reply,
          "bad_request",
          "token: this browser has boards of its own; open the link in a browser that has none, or make the link here and open it on the other device.",
        );
      }
      await store.mergeMember(current, owner);
    } else if (!current) {
      await members.adopt(request, reply, owner);
    }
    const personal = await store.membership(owner.key, owner.personalLibraryId);
    return libraryJson(personal!, await store.entries(owner.key), live);
  });

  app.post("/api/member/device-link", async (request, reply) => {
    const member = await members.ensure(request, reply);
    const token = newSecret();
    const expiresAt = new Date(now().getTime() + DEVICE_LINK_TTL_MS);
    await store.createDeviceLink(member.key, hashSecret(token), expiresAt);
    return reply.code(201).send({ invite: token, expiresAt: expiresAt.toISOString() });
  });
}
