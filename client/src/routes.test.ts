import { describe, expect, it } from "vitest";
import { devicePath, deviceUrl, editorPath, joinPath, joinUrl, matchRoute, viewerPath } from "./routes";

describe("matchRoute", () => {
  it("sends the root to the gallery", () => {
    expect(matchRoute("/")).toEqual({ page: "gallery" });
  });

  it("sends /b/:id to the editor with the id", () => {
    expect(matchRoute("/b/abc_DEF-123")).toEqual({ page: "editor", id: "abc_DEF-123" });
  });

  it("sends /v/:viewId to the viewer with the view id", () => {
    expect(matchRoute("/v/xyz")).toEqual({ page: "viewer", viewId: "xyz" });
  });

  it("sends /join/:invite to the join page with the invite", () => {
    expect(matchRoute("/join/inv_ITE-1")).toEqual({ page: "join", invite: "inv_ITE-1" });
  });

  it("sends /device/:token to the device page with the token, not to the join page", () => {
    expect(matchRoute("/device/tok_EN-1")).toEqual({ page: "device", token: "tok_EN-1" });
    expect(matchRoute("/device/tok/")).toEqual({ page: "device", token: "tok" });
  });

  it("tolerates one trailing slash on a board or view path", () => {
    expect(matchRoute("/b/abc/")).toEqual({ page: "editor", id: "abc" });
    expect(matchRoute("/v/abc/")).toEqual({ page: "viewer", viewId: "abc" });
  });

  it("decodes an escaped id", () => {
    expect(matchRoute("/b/a%20b")).toEqual({ page: "editor", id: "a b" });
  });

  it("treats every other path as not found", () => {
    for (const path of ["/b", "/b/", "/b/a/b", "/v", "/x/abc", "/boards", "/b/%E0%A4%A", "//", "/join", "/join/", "/join/a/b", "/device", "/device/", "/device/a/b"]) {
      expect(matchRoute(path), path).toEqual({ page: "not-found" });
    }
  });

  it("builds paths that match back to the same ids", () => {
    expect(matchRoute(editorPath("a/b c"))).toEqual({ page: "editor", id: "a/b c" });
    expect(matchRoute(viewerPath("v?1"))).toEqual({ page: "viewer", viewId: "v?1" });
    expect(matchRoute(joinPath("i#1"))).toEqual({ page: "join", invite: "i#1" });
    expect(matchRoute(devicePath("d/1"))).toEqual({ page: "device", token: "d/1" });
  });

  it("builds the invite link to hand out from the page's origin", () => {
    expect(joinUrl("https://wb.example", "abc")).toBe("https://wb.example/join/abc");
  });

  it("builds the device link to hand out from the page's origin", () => {
    expect(deviceUrl("https://wb.example", "abc")).toBe("https://wb.example/device/abc");
  });
});
