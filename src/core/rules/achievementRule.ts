import { makeFinding, refOr, codeLabel, type Rule, type Severity } from "./finding";

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
  check({ evaluation, judgements, profile }) {
    return evaluation.initiatives.flatMap((init) => {
      const j = judgements.achievement.get(init);
      if (!j || init.achievement.kind !== "valid") return [];
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
        if (j.withdrawalUndecidable && recorded !== "③") {
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
