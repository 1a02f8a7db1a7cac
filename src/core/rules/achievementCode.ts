import { makeFinding, refOr, codeLabel, initiativesOf, type Rule } from "./finding";

/** Every initiative has a valid 業績目標の達成状況 (①(i)…③) and 有効性 (○/×). */
export const achievementCodeRule: Rule = {
  id: "achievement-code",
  title: {
    ja: "達成状況・有効性の記入と記号",
    en: "achievement and effectiveness codes are filled and valid",
  },
  needs: [
    {
      role: "initiative",
      field: "effectiveness",
      cannotDecide: {
        ja: "取組の有効性（○/×）の記入は確かめられません",
        en: "the effectiveness codes (○/×) cannot be checked",
      },
    },
  ],
  perRow: true,
  check(ctx) {
    const { profile } = ctx;
    return initiativesOf(ctx).flatMap((init) => {
      const out = [];
      const at = refOr(init.achievementCell.ref, init.sheet, init.row);
      const a = init.achievement;
      if (a.kind === "blank") {
        out.push(
          makeFinding(profile, this.id, "error", at, {
            ja: `${codeLabel(init.code)} 業績目標の達成状況が未記入です（①(i)・①(ii)・②(i)・②(ii)・③ のいずれか）`,
            en: `${codeLabel(init.code)} achievement status is empty (one of ①(i), ①(ii), ②(i), ②(ii), ③)`,
          })
        );
      } else if (a.kind === "invalid") {
        const detail = {
          unknown: { ja: "使えない記号です", en: "is not a valid code" },
          implementationMissing: {
            ja: "①・② には (i) か (ii) が必要です",
            en: "① and ② need (i) or (ii)",
          },
          implementationNotAllowed: {
            ja: "③ には (i)/(ii) を付けません",
            en: "③ takes no (i)/(ii)",
          },
        }[a.problem];
        out.push(
          makeFinding(profile, this.id, "error", at, {
            ja: `${codeLabel(init.code)} 達成状況「${a.text}」: ${detail.ja}`,
            en: `${codeLabel(init.code)} achievement "${a.text}" ${detail.en}`,
          })
        );
      }
      const e = init.effectiveness;
      if (init.effectivenessCell.ref === null) return out;
      const eat = refOr(init.effectivenessCell.ref, init.sheet, init.row);
      if (e.kind === "blank") {
        out.push(
          makeFinding(profile, this.id, "error", eat, {
            ja: `${codeLabel(init.code)} 取組の有効性（○/×）が未記入です`,
            en: `${codeLabel(init.code)} effectiveness (○/×) is empty`,
          })
        );
      } else if (e.kind === "invalid") {
        out.push(
          makeFinding(profile, this.id, "error", eat, {
            ja: `${codeLabel(init.code)} 有効性「${e.text}」は使えない記号です（○ か ×）`,
            en: `${codeLabel(init.code)} effectiveness "${e.text}" is not a valid code (○ or ×)`,
          })
        );
      }
      return out;
    });
  },
};
