import { isBlankLike } from "../normalize";
import { makeFinding, refOr, codeLabel, type Rule } from "./finding";

/** Rule 2: ② and ③ need 課題 and 改善策 filled. */
export const unmetRemedyRule: Rule = {
  id: "unmet-remedy",
  title: { ja: "②・③ の取組には課題と改善策", en: "② and ③ need problems and remedy filled" },
  check({ evaluation, profile }) {
    return evaluation.initiatives.flatMap((init) => {
      if (init.achievement.kind !== "valid" || init.achievement.code.achievement === "①") return [];
      const a = init.achievement.code.achievement;
      const out = [];
      for (const [cell, ja, en] of [
        [init.problems, "課題", "problems (課題)"],
        [init.remedy, "改善策", "remedy (改善策)"],
      ] as const) {
        if (!isBlankLike(cell.text)) continue;
        out.push(
          makeFinding(profile, this.id, "error", refOr(cell.ref, init.sheet, init.row), {
            ja: `${codeLabel(init.code)} ${a} の取組は${ja}の記入が必要です${cell.ref ? "" : "（列がありません）"}`,
            en: `${codeLabel(init.code)} is ${a}: ${en} must be filled${cell.ref ? "" : " (the sheet has no such column)"}`,
          })
        );
      }
      return out;
    });
  },
};
