import { a1 } from "../grid";
import { makeFinding, outcomesOf, refOr, type Rule } from "./finding";

/** Rule 3: each indicator's 個別 A/B is filled, valid, and A exactly when the target is met or 前年度 improved. */
export const indicatorStatusRule: Rule = {
  id: "indicator-status",
  title: {
    ja: "アウトカム個別 A/B（目標達成または前年度より改善で A）",
    en: "indicator A/B: A when the target is met or the previous year improved",
  },
  needs: [
    {
      role: "outcome",
      field: "previous",
      cannotDecide: {
        ja: "目標に届かなかった指標の A/B（前年度より改善したか）は判定できません",
        en: "the A/B of indicators that missed their target (improved on the previous year or not) cannot be judged",
      },
    },
  ],
  perRow: true,
  check(ctx) {
    const { judgements, profile } = ctx;
    return outcomesOf(ctx).flatMap((row) => {
      const at = refOr(row.status.ref, row.sheet, row.row);
      const where = `${a1(row.row, row.indicatorActual.ref?.col ?? 0)}`;
      if (row.recorded.kind === "blank") {
        return [
          makeFinding(profile, this.id, "error", at, {
            ja: `アウトカムの達成状況（個別）が未記入です（A か B、指標 ${where}）`,
            en: `indicator status (個別) is empty (A or B, indicator ${where})`,
          }),
        ];
      }
      if (row.recorded.kind === "invalid") {
        return [
          makeFinding(profile, this.id, "error", at, {
            ja: `アウトカムの達成状況（個別）「${row.recorded.text}」は使えない記号です（A か B）`,
            en: `indicator status "${row.recorded.text}" is not a valid code (A or B)`,
          }),
        ];
      }
      const j = judgements.indicator.get(row);
      if (!j) return [];
      if (j.expected === null) {
        return [
          makeFinding(profile, this.id, "info", at, {
            ja: `A/B を規則では判定できません: ${j.reason.ja}`,
            en: `A/B cannot be decided by rule: ${j.reason.en}`,
          }),
        ];
      }
      if (j.expected === row.recorded.code) return [];
      return [
        makeFinding(profile, this.id, "error", at, {
          ja: `記録は ${row.recorded.code} ですが、規則では ${j.expected} です（${j.reason.ja}）`,
          en: `recorded ${row.recorded.code}, but the rule gives ${j.expected} (${j.reason.en})`,
        }),
      ];
    });
  },
};
