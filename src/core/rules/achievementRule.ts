import { makeFinding, refOr, codeLabel, initiativesOf, type Rule, type Severity } from "./finding";

/**
 * Rule 1: the recorded ①②③ agrees with what the targets, thresholds and actuals say.
 * A missed or invented ③ is an error; ① against a missed target is a warning for the reviewer (the seed's 1-3-1).
 */
export const achievementRule: Rule = {
  id: "achievement-rule",
  title: {
    ja: "達成状況と業績目標・撤退基準・実績の整合",
    en: "achievement agrees with targets, thresholds and actuals",
  },
  needs: [
    {
      role: "initiative",
      field: "threshold",
      cannotDecide: {
        ja: "③（撤退基準未達成）に当たるかは判定できません",
        en: "whether ③ (withdrawal criterion reached) applies cannot be judged",
      },
    },
    {
      role: "initiative",
      field: "actual",
      cannotDecide: {
        ja: "①②③ を判定できません",
        en: "①②③ cannot be judged",
      },
    },
  ],
  perRow: true,
  check(ctx) {
    const { judgements, profile } = ctx;
    return initiativesOf(ctx).flatMap((init) => {
      const j = judgements.achievement.get(init);
      // Without a 取組実績 column nothing can be paired: the sheet's info finding says so once.
      if (!j || init.achievement.kind !== "valid" || init.actual.ref === null) return [];
      const recorded = init.achievement.code.achievement;
      const at = refOr(init.achievementCell.ref, init.sheet, init.row);
      const code = codeLabel(init.code);
      if (j.expected === null) {
        return [
          makeFinding(profile, this.id, "info", at, {
            ja: `${code} 規則では判定できません: ${j.reason.ja}`,
            en: `${code} cannot be decided by rule: ${j.reason.en}`,
          }),
        ];
      }
      if (recorded === j.expected) {
        // Without a 撤退基準 column the sheet's info finding says once that ③ cannot be judged.
        if (j.withdrawalUndecidable && !j.noThresholdColumn && recorded !== "③") {
          const why = j.checks.find(
            (c) => c.criterion.kind === "threshold" && c.outcome === "undecidable"
          )!.why;
          return [
            makeFinding(profile, this.id, "info", at, {
              ja: `${code} ${recorded} は業績目標と一致しますが、③（撤退基準）に当たるかは規則では判定できません: ${why.ja}`,
              en: `${code} ${recorded} agrees with the targets, but whether ③ applies cannot be decided by rule: ${why.en}`,
            }),
          ];
        }
        return [];
      }
      if (recorded === "③" && j.noThresholdColumn) {
        return [
          makeFinding(profile, this.id, "info", at, {
            ja: `${code} ③ と記録されていますが、このシートには撤退基準の列がないため確かめられません（業績目標からは ${j.expected}）`,
            en: `${code} recorded ③, but this sheet has no withdrawal criterion (撤退基準) column to check it against (targets say ${j.expected})`,
          }),
        ];
      }
      if (recorded === "③" && j.withdrawalUndecidable) {
        return [
          makeFinding(profile, this.id, "info", at, {
            ja: `${code} ③ と記録されていますが、撤退基準を規則では確かめられません（業績目標からは ${j.expected}）: ${j.reason.ja}`,
            en: `${code} recorded ③, but the withdrawal criterion cannot be checked by rule (targets say ${j.expected}): ${j.reason.en}`,
          }),
        ];
      }
      const severity: Severity = recorded === "③" || j.expected === "③" ? "error" : "warning";
      return [
        makeFinding(profile, this.id, severity, at, {
          ja: `${code} 記録は ${recorded} ですが、規則では ${j.expected} です: ${j.reason.ja}`,
          en: `${code} recorded ${recorded}, but the rule gives ${j.expected}: ${j.reason.en}`,
        }),
      ];
    });
  },
};
