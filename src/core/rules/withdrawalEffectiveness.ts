import { makeFinding, refOr, codeLabel, initiativesOf, type Rule } from "./finding";

/** Rule 2: ③ (withdrawal criterion reached) goes with 有効性 ×. */
export const withdrawalEffectivenessRule: Rule = {
  id: "withdrawal-effectiveness",
  title: { ja: "③ の取組は有効性 ×", en: "③ goes with effectiveness ×" },
  needs: [
    {
      role: "initiative",
      field: "effectiveness",
      cannotDecide: {
        ja: "③ の取組の有効性が × か確かめられません",
        en: "whether ③ initiatives are marked × cannot be checked",
      },
    },
  ],
  perRow: true,
  check(ctx) {
    const { profile } = ctx;
    return initiativesOf(ctx).flatMap((init) => {
      if (init.achievement.kind !== "valid" || init.achievement.code.achievement !== "③") return [];
      if (init.effectiveness.kind === "valid" && init.effectiveness.code === "×") return [];
      if (init.effectiveness.kind !== "valid") return [];
      return [
        makeFinding(
          profile,
          this.id,
          "error",
          refOr(init.effectivenessCell.ref, init.sheet, init.row),
          {
            ja: `${codeLabel(init.code)} ③（撤退基準未達成）なのに有効性が「${init.effectiveness.code}」です（× にしてください）`,
            en: `${codeLabel(init.code)} is ③ (withdrawal criterion reached) but effectiveness is "${init.effectiveness.code}" (should be ×)`,
          }
        ),
      ];
    });
  },
};
