import { describe, expect, it } from "vitest";
import { exportFileName } from "./file-name";

describe("exportFileName", () => {
  it("names the download after the board", () => {
    expect(exportFileName("Sprint plan", "png")).toBe("Sprint plan.png");
  });

  it("makes any board name a file name every system accepts", () => {
    expect(exportFileName('a/b\\c:d*e?f"g<h>i|j', "svg")).toBe("a b c d e f g h i j.svg");
    expect(exportFileName("..hidden", "json")).toBe("hidden.json");
    expect(exportFileName(" / ", "json")).toBe("board.json");
    expect(exportFileName("x".repeat(300), "png")).toHaveLength(104);
  });
});
