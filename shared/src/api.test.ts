import { describe, expect, it } from "vitest";
import { createBoardSchema, describeValidationError, renameBoardSchema } from "./api.js";

function failure(schema: typeof renameBoardSchema | typeof createBoardSchema, input: unknown): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a validation failure");
  return describeValidationError(result.error);
}

describe("board name validation", () => {
  it("trims the name before checking its length", () => {
    expect(renameBoardSchema.parse({ name: "  Sprint plan  " })).toEqual({ name: "Sprint plan" });
  });

  it("accepts exactly 120 characters and rejects 121, naming the field", () => {
    expect(renameBoardSchema.safeParse({ name: "x".repeat(120) }).success).toBe(true);
    expect(failure(renameBoardSchema, { name: "x".repeat(121) })).toMatch(/^name: .*120/);
  });

  it("rejects a name that is only whitespace", () => {
    expect(failure(renameBoardSchema, { name: "   " })).toMatch(/^name: must not be empty/);
  });

  it("rejects a name of the wrong type, naming the field", () => {
    expect(failure(renameBoardSchema, { name: 42 })).toMatch(/^name: /);
  });

  it("lets a new board go without a name", () => {
    expect(createBoardSchema.parse({})).toEqual({});
  });

  it("rejects a body that is not an object", () => {
    expect(failure(createBoardSchema, [1, 2])).toMatch(/^body: /);
  });
});
