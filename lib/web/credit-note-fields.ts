/**
 * The credit note form's lines: repeated `lineDescription` / `lineAmount` fields (amounts in major
 * units, "50" or "50.25") → the domain's lines in minor units. Rows left entirely blank are
 * skipped; an amount that does not parse is refused naming the row, as `lines.<n>.amount`.
 */
import { invalidInput } from "@/lib/domain/errors";
import { parseMoney } from "@/lib/domain/money";

export function readCreditNoteLines(form: FormData): { description: string; amount: number }[] {
  const descriptions = form.getAll("lineDescription").map((v) => (typeof v === "string" ? v.trim() : ""));
  const amounts = form.getAll("lineAmount").map((v) => (typeof v === "string" ? v.trim() : ""));
  const lines: { description: string; amount: number }[] = [];
  for (let i = 0; i < Math.max(descriptions.length, amounts.length); i++) {
    const description = descriptions[i] ?? "";
    const raw = amounts[i] ?? "";
    if (!description && !raw) continue;
    const amount = parseMoney(raw);
    if (amount === null) {
      throw invalidInput(`Line ${lines.length + 1}: enter an amount like 50 or 50.25.`, { [`lines.${lines.length}.amount`]: "enter an amount like 50 or 50.25" });
    }
    lines.push({ description, amount });
  }
  if (!lines.length) throw invalidInput("Add at least one line to credit, or credit the whole invoice.", { lines: "needs at least one line" });
  return lines;
}
