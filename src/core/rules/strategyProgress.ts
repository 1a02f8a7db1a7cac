import { makeFinding, refOr, strategiesOf, type Rule } from "./finding";
import { isNotEvaluated } from "./notEvaluated";

/** Rule 4: 戦略の進捗状況 is a when every initiative of the strategy is ①, else b. */
export const strategyProgressRule: Rule = {
  id: "strategy-progress",
  title: {
    ja: "戦略の進捗状況 a/b（すべての取組が①なら a）",
    en: "strategy progress a/b: a when every initiative is ①",
  },
  needs: [
    {
      role: "outcome",
      field: "progress",
      cannotDecide: {
        ja: "戦略の進捗状況 a/b は確かめられません",
        en: "the strategies' progress a/b cannot be checked",
      },
    },
  ],
  perRow: true,
  check(ctx) {
    const { evaluation, judgements, profile } = ctx;
    return strategiesOf(ctx).flatMap((block) => {
      if (block.progressCell.ref === null) return [];
      const at = refOr(block.progressCell.ref, block.sheet, block.row);
      const name = block.code ? `【${block.code}】${block.name}` : block.name;
      if (isNotEvaluated(block, evaluation)) {
        return [
          makeFinding(profile, this.id, "info", at, {
            ja: `${name}: 目標値が「―」で自己評価が空欄のため、今年度の評価対象外とみなしました`,
            en: `${name}: no target (―) and an empty self-evaluation, taken as not evaluated this year`,
          }),
        ];
      }
      if (block.progress.kind === "blank") {
        return [
          makeFinding(profile, this.id, "error", at, {
            ja: `${name}: 戦略の進捗状況が未記入です（a か b）`,
            en: `${name}: strategy progress is empty (a or b)`,
          }),
        ];
      }
      if (block.progress.kind === "invalid") {
        return [
          makeFinding(profile, this.id, "error", at, {
            ja: `${name}: 戦略の進捗状況「${block.progress.text}」は使えない記号です（a か b）`,
            en: `${name}: strategy progress "${block.progress.text}" is not a valid code (a or b)`,
          }),
        ];
      }
      const j = judgements.progress.get(block);
      if (!j) return [];
      if (j.expected === null) {
        return [
          makeFinding(profile, this.id, "info", at, {
            ja: `${name}: a/b を規則では判定できません: ${j.reason.ja}`,
            en: `${name}: a/b cannot be decided by rule: ${j.reason.en}`,
          }),
        ];
      }
      if (j.expected === block.progress.code) return [];
      return [
        makeFinding(profile, this.id, "error", at, {
          ja: `${name}: 記録は ${block.progress.code} ですが、規則では ${j.expected} です（${j.reason.ja}）`,
          en: `${name}: recorded ${block.progress.code}, but the rule gives ${j.expected} (${j.reason.en})`,
        }),
      ];
    });
  },
};
