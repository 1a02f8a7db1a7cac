import type { FieldSpec } from "../profile";
import { roleName, headerKeywords, isUsableEvaluationSheet } from "../recognize";
import { makeFinding, codeLabel, refOr, type Rule, type Finding } from "./finding";

/** Sheets that look like evaluation sheets but lack a required column, and a workbook with no evaluation sheet at all. */
export const sheetStructureRule: Rule = {
  id: "sheet-structure",
  title: { ja: "評価シートの見出しと必須列", en: "evaluation sheets and their required columns" },
  check({ evaluation, profile }) {
    const out: Finding[] = [];
    for (const layout of evaluation.sheets) {
      if (layout.role === "other" || layout.missing.length === 0) continue;
      const fields = profile.roles[layout.role].fields as Record<string, FieldSpec>;
      const names = layout.missing.map((f) => fields[f].aliases[0]);
      out.push(
        makeFinding(
          profile,
          this.id,
          "error",
          { sheet: layout.sheet, row: layout.headerTop, col: 0 },
          {
            ja: `「${roleName(layout.role, "ja")}」の見出し行（${layout.headerTop + 1}行目）に必須の列がありません: ${names.join("、")}。このシートは検証していません`,
            en: `the ${roleName(layout.role, "en")} header (row ${layout.headerTop + 1}) lacks required columns: ${names.join(", ")}; this sheet was not checked`,
          }
        )
      );
    }
    const usable = evaluation.sheets.filter(isUsableEvaluationSheet);
    if (usable.length === 0) {
      const looked = (["outcome", "initiative"] as const)
        .map((role) => `${roleName(role, "ja")}: ${headerKeywords(profile, role).join("・")}`)
        .join(" / ");
      const lookedEn = (["outcome", "initiative"] as const)
        .map((role) => `${roleName(role, "en")}: ${headerKeywords(profile, role).join(", ")}`)
        .join(" / ");
      out.push(
        makeFinding(profile, this.id, "error", null, {
          ja: `評価シートが見つかりません（探した見出し ${looked}）`,
          en: `no evaluation sheet found (headers looked for ${lookedEn})`,
        })
      );
    }
    return out;
  },
};

/** Rows that cannot be placed: an initiative without its 【1-1-1】 code, a strategy without its 【1-1】. */
export const unplacedRowsRule: Rule = {
  id: "unplaced-rows",
  title: { ja: "番号のない取組・戦略", en: "initiatives and strategies without a code" },
  check({ evaluation, profile }) {
    return evaluation.problems.map((p) =>
      p.kind === "initiativeWithoutCode"
        ? makeFinding(profile, this.id, "warning", p.ref, {
            ja: `具体的取組に番号（【1-1-1】など）がないため、検証も集計もしていません`,
            en: `this initiative has no code such as 【1-1-1】, so it was neither checked nor counted`,
          })
        : makeFinding(profile, this.id, "warning", p.ref, {
            ja: `戦略に番号（めざす状態の【1-1】など）がないため、進捗状況 a/b を判定できません`,
            en: `this strategy has no code (such as 【1-1】 in めざす状態), so its a/b cannot be judged`,
          })
    );
  },
};

/** The same initiative code twice on one sheet under one strategy, not marked 再掲: a typo or a copied row. */
export const duplicateInitiativeRule: Rule = {
  id: "duplicate-initiative",
  title: { ja: "再掲でない番号の重複", en: "duplicate initiative codes not marked 再掲" },
  check({ evaluation, profile }) {
    const seen = new Map<string, { sheet: string; row: number }>();
    const out: Finding[] = [];
    for (const init of evaluation.initiatives) {
      if (init.relisted) continue;
      const other = seen.get(init.code);
      if (!other) {
        seen.set(init.code, init);
        continue;
      }
      out.push(
        makeFinding(profile, this.id, "warning", refOr(init.initiative.ref, init.sheet, init.row), {
          ja: `${codeLabel(init.code)} は${other.row + 1}行目にもあり、再掲の表示がありません（両方を集計しています）`,
          en: `${codeLabel(init.code)} also stands in row ${other.row + 1} and is not marked 再掲 (both are counted)`,
        })
      );
    }
    return out;
  },
};
