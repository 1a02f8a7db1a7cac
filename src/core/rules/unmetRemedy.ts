import { isBlankLike } from "../normalize";
import { makeFinding, codeLabel, initiativesOf, type Rule } from "./finding";

/** Rule 2: ② and ③ need 課題 and 改善策 filled. */
export const unmetRemedyRule: Rule = {
  id: "unmet-remedy",
  title: { ja: "②・③ の取組には課題と改善策", en: "② and ③ need problems and remedy filled" },
  needs: (["problems", "remedy"] as const).map((field) => ({
    role: "initiative" as const,
    field,
    cannotDecide: {
      ja: "②・③ の取組に記入があるか確かめられません",
      en: "whether ② and ③ initiatives have it filled cannot be checked",
    },
  })),
  perRow: true,
  check(ctx) {
    const { profile } = ctx;
    return initiativesOf(ctx).flatMap((init) => {
      if (init.achievement.kind !== "valid" || init.achievement.code.achievement === "①") return [];
      const a = init.achievement.code.achievement;
      const out = [];
      for (const [cell, ja, en] of [
        [init.problems, "課題", "problems (課題)"],
        [init.remedy, "改善策", "remedy (改善策)"],
      ] as const) {
        // An absent column is reported once for the sheet, never as an empty cell on every row.
        if (cell.ref === null || !isBlankLike(cell.text)) continue;
        out.push(
          makeFinding(profile, this.id, "error", cell.ref, {
            ja: `${codeLabel(init.code)} ${a} の取組は${ja}の記入が必要です`,
            en: `${codeLabel(init.code)} is ${a}: ${en} must be filled`,
          })
        );
      }
      return out;
    });
  },
};
