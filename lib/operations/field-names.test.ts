import { describe, expect, it } from "vitest";
import { DomainError, invalidInput, notFound, summarizeFieldErrors } from "@/lib/domain/errors";
import { renameFieldErrors } from "@/lib/domain/errors";
import { operationFieldName } from "./field-names";

const refusal = (fields: Record<string, string>) => invalidInput(summarizeFieldErrors(fields), fields);
const listTimeEntries = { fieldNames: { membershipId: "member_id", tagIds: "tag_ids" } };

describe("operationFieldName", () => {
  it.each([
    ["membershipId", "member_id"],
    ["projectIds", "project_ids"],
    ["from", "from"],
    ["taxes.0.rate", "taxes.0.rate"],
    ["lines.0.unitRate", "lines.0.unit_rate"],
  ])("names %s %s", (domainKey, name) => {
    expect(operationFieldName(listTimeEntries, domainKey)).toBe(name);
  });

  it("lets a surface rename the argument after the operation has", () => {
    const rest = (field: string) => ({ tag_ids: "tag_id" })[field] ?? field;
    expect(operationFieldName(listTimeEntries, "tagIds", rest)).toBe("tag_id");
    expect(operationFieldName(listTimeEntries, "membershipId", rest)).toBe("member_id");
  });
});

describe("renameFieldErrors", () => {
  const name = (key: string) => operationFieldName(listTimeEntries, key);

  it("renames the fields and a message that summarizes them", () => {
    const renamed = renameFieldErrors(refusal({ membershipId: "no member", tagIds: "no tag" }), name);
    expect(renamed).toMatchObject({ code: "invalid_input", message: "member_id: no member; tag_ids: no tag", fieldErrors: { member_id: "no member", tag_ids: "no tag" } });
  });

  it("prefixes the fields where the request gave them, and keeps a whole-input message as it is", () => {
    const renamed = renameFieldErrors(refusal({ _: "Say something.", tagIds: "no tag" }), name, "query");
    expect(renamed).toMatchObject({ message: "Say something.; query.tag_ids: no tag", fieldErrors: { _: "Say something.", "query.tag_ids": "no tag" } });
  });

  it("keeps a message of its own, renaming only the camelCase field names it quotes", () => {
    const renamed = renameFieldErrors(invalidInput("A rounding rule has no minimumSeconds; pick another id.", { minimumSeconds: "does not apply", id: "x" }), (key) => operationFieldName({ fieldNames: { id: "rule_id" } }, key));
    expect(renamed.message).toBe("A rounding rule has no minimum_seconds; pick another id.");
    expect(renamed.fieldErrors).toEqual({ minimum_seconds: "does not apply", rule_id: "x" });
  });

  it("leaves other refusals alone", () => {
    const missing = notFound("Client");
    expect(renameFieldErrors(missing, name)).toBe(missing);
    const conflict = new DomainError("conflict", "Taken.", {});
    expect(renameFieldErrors(conflict, name)).toBe(conflict);
  });
});
