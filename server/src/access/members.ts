import type { FastifyReply, FastifyRequest } from "fastify";
import { MEMBER_COOKIE, isWellFormedId } from "@whiteboard/shared";
import type { MemberRecord, Store } from "../storage/store.js";
import { hashSecret, newSecret } from "./secrets.js";

/**
 * Browsers keep their cookie this long (the most Chromium honours); each visit that needs the
 * member renews it, so a library in daily use never expires.
 */
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/**
 * Members by cookie. The cookie holds a 128-bit secret; the store only its hash. A cookie that is
 * garbage, or names no member (a wiped database, a forged value), is replaced by a fresh member:
 * never an error page.
 */
export class Members {
  /** One member per request, however many handlers ask. */
  private readonly resolved = new WeakMap<FastifyRequest, Promise<MemberRecord | undefined>>();

  constructor(private readonly store: Store) {}

  /** The member this request comes from, if its cookie names one. Creates nothing. */
  known(request: FastifyRequest): Promise<MemberRecord | undefined> {
    let found = this.resolved.get(request);
    if (!found) {
      const secret = request.cookies[MEMBER_COOKIE];
      found = secret !== undefined && isWellFormedId(secret) ? this.store.memberBySecret(hashSecret(secret)) : Promise.resolve(undefined);
      this.resolved.set(request, found);
    }
    return found;
  }

  /** The member this request comes from, made now (and its cookie set) if there is none. */
  async ensure(request: FastifyRequest, reply: FastifyReply): Promise<MemberRecord> {
    const known = await this.known(request);
    if (known) {
      // Renewed on use, so a library in daily use never reaches the cookie's expiry.
      this.setCookie(request, reply, request.cookies[MEMBER_COOKIE]!);
      return known;
    }
    const secret = newSecret();
    const member = await this.store.createMember(hashSecret(secret));
    this.setCookie(request, reply, secret);
    this.resolved.set(request, Promise.resolve(member));
    return member;
  }

  /** This browser becomes `member` (a redeemed device link): a secret of its own, same libraries. */
  async adopt(request: FastifyRequest, reply: FastifyReply, member: MemberRecord): Promise<void> {
    const secret = newSecret();
    await this.store.addSecret(member.key, hashSecret(secret));
    this.setCookie(request, reply, secret);
    this.resolved.set(request, Promise.resolve(member));
  }

  private setCookie(request: FastifyRequest, reply: FastifyReply, secret: string): void {
    reply.setCookie(MEMBER_COOKIE, secret, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      // `request.protocol` believes X-Forwarded-Proto only from TRUST_PROXY's addresses.
      secure: request.protocol === "https",
      maxAge: COOKIE_MAX_AGE_S,
    });
  }
}
