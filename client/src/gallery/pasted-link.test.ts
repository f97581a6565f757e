import { describe, expect, it } from "vitest";
import { parsePastedLink } from "./pasted-link";

const ID = "AbCdEfGhIjKlMnOpQrSt_-";
const VIEW_ID = "ZyXwVuTsRqPoNmLkJiHg12";

describe("parsePastedLink", () => {
  it("reads the edit id out of an editor URL", () => {
    expect(parsePastedLink(`https://wb.example/b/${ID}`)).toEqual({ kind: "board", capability: ID });
  });

  it("reads the view id out of a viewer URL, with a trailing slash, query or hash", () => {
    for (const url of [`http://localhost:3000/v/${VIEW_ID}`, `https://wb.example/v/${VIEW_ID}/`, `https://wb.example/v/${VIEW_ID}?x=1#top`]) {
      expect(parsePastedLink(url), url).toEqual({ kind: "board", capability: VIEW_ID });
    }
  });

  it("takes a bare id, and ignores the spaces a copy drags along", () => {
    expect(parsePastedLink(`  ${ID}\n`)).toEqual({ kind: "board", capability: ID });
  });

  it("takes a link without its scheme, or a bare path", () => {
    expect(parsePastedLink(`wb.example/b/${ID}`)).toEqual({ kind: "board", capability: ID });
    expect(parsePastedLink(`/v/${VIEW_ID}`)).toEqual({ kind: "board", capability: VIEW_ID });
  });

  it("reads a library invite link as a library to join", () => {
    expect(parsePastedLink(`https://wb.example/join/${ID}`)).toEqual({ kind: "invite", invite: ID });
  });

  it("recognises a device link without handing its token on", () => {
    expect(parsePastedLink(`https://wb.example/device/${ID}`)).toEqual({ kind: "device" });
    expect(parsePastedLink("https://wb.example/device/short")).toBeNull();
  });

  it("rejects what cannot name a board", () => {
    for (const text of [
      "",
      "   ",
      "hello world",
      "https://wb.example/",
      "https://wb.example/b/",
      "https://wb.example/b/short",
      `https://wb.example/b/${ID}/extra`,
      `https://wb.example/x/${ID}`,
      `ftp://wb.example/b/${ID}`,
      `javascript:alert(1)//b/${ID}`,
      `${ID}x`,
      "../etc/passwd",
    ]) {
      expect(parsePastedLink(text), text).toBeNull();
    }
  });
});
