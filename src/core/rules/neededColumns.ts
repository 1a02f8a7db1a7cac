import type { FieldSpec, Profile } from "../profile";
import { isUsableEvaluationSheet, roleName, type SheetLayout } from "../recognize";
import type { Evaluation } from "../evaluation";
import { makeFinding, type Finding, type Rule } from "./finding";

/** The field's column is not on the sheet, and no inline reading stands in for it. */
export function columnAbsent(layout: SheetLayout, field: string): boolean {
  return !(field in layout.columns) && !(field in layout.inline);
}

/** The headers Hyoka looks for to find a field, as a person would write them. */
export function headersLookedFor(profile: Profile, role: "initiative" | "outcome", field: string): string[] {
  return (profile.roles[role].fields as Record<string, FieldSpec>)[field].aliases;
}

/** The layout of each evaluation sheet by name, found once per evaluation. */
export function layoutOf(evaluation: Evaluation, sheet: string): SheetLayout | undefined {
  return evaluation.sheets.find((l) => l.sheet === sheet);
}

/**
 * One info finding per rule and sheet for each column the rule needs that the sheet lacks: the rule cannot decide
 * what that column tells, and the finding names the headers looked for (a missing 撤退基準 means ③ cannot be judged).
 */
export function neededColumnFindings(rules: Rule[], evaluation: Evaluation, profile: Profile): Finding[] {
  const out: Finding[] = [];
  for (const layout of evaluation.sheets) {
    if (!isUsableEvaluationSheet(layout)) continue;
    for (const rule of rules) {
      for (const need of rule.needs ?? []) {
        if (need.role !== layout.role || !columnAbsent(layout, need.field)) continue;
        const headers = headersLookedFor(profile, need.role, need.field);
        out.push(
          makeFinding(profile, rule.id, "info", { sheet: layout.sheet, row: layout.headerTop, col: 0 }, {
            ja: `「${roleName(need.role, "ja")}」シートに「${headers[0]}」の列がないため、${need.cannotDecide.ja}（探した見出し: ${headers.join("、")}）`,
            en: `the ${roleName(need.role, "en")} sheet has no ${headers[0]} column, so ${need.cannotDecide.en} (headers looked for: ${headers.join(", ")})`,
          })
        );
      }
    }
  }
  return out;
}
