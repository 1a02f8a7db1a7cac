import type { SheetGrid } from "../../src/core/grid";
import { grid } from "./grid";

export interface InitiativeRowSpec {
  code: string;
  title?: string;
  target: string;
  threshold: string;
  actual: string;
  achievement: string;
  effectiveness: string;
  problems?: string;
  remedy?: string;
  strategy?: string;
}

/** An initiative sheet in the sample's layout: title, legend, two header rows, then one row per initiative. */
export function initiativeSheet(name: string, rows: InitiativeRowSpec[]): SheetGrid {
  return grid(
    name,
    [
      ["区政運営基本方針の成果目標の達成に向けた取組状況について（港区）"],
      ["平成28年度", "①：目標達成　(ⅰ)取組は予定どおり実施"],
      ["戦略", "計画", "", "", "", "自己評価"],
      ["", "具体的取組", "業績目標", "撤退基準", "前年度までの実績", "取組実績", "業績目標の達成状況", "戦略に対する取組の有効性", "課題", "改善策"],
      ...rows.map((r) => [
        r.strategy ?? "",
        `【${r.code}】\n${r.title ?? "取組"}`,
        r.target,
        r.threshold,
        "",
        r.actual,
        r.achievement,
        r.effectiveness,
        r.problems ?? "",
        r.remedy ?? "",
      ]),
    ],
    ["A1:J1", "A3:A4", "B3:E3", "F3:J3"],
  );
}

export interface OutcomeRowSpec {
  code: string;
  name?: string;
  targetValue?: string;
  outcomeList?: string;
  indicators: { actual: string; previous: string; status: string }[];
  overall: string;
  progress: string;
  effectiveness?: string;
}

/** An outcome sheet in the sample's layout: each strategy a block of merged rows, one row per indicator. */
export function outcomeSheet(name: string, blocks: OutcomeRowSpec[]): SheetGrid {
  const rows: string[][] = [
    ["区政運営基本方針の成果目標の達成に向けた取組状況について（港区）"],
    ["平成28年度"],
    ["項目", "", "", "成果指標と目標値", "", "計画（めざす成果および戦略）", "", "", "自己評価"],
    ["経営課題", "めざす成果", "戦略名", "成果指標", "目標値", "めざす状態", "アウトカム", "戦略", "戦略のアウトカムに対する有効性", "アウトカム指標の実績", "前年度", "アウトカムの達成状況", "", "戦略の進捗状況", "課題", "今後の対応方向・改善策"],
    ["", "", "", "", "", "", "", "", "", "", "", "個別", "全体"],
  ];
  const merges = ["A1:P1", "A3:C3", "D3:E3", "F3:H3", "I3:P3", "L4:M4", ...["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "N", "O", "P"].map((c) => `${c}4:${c}5`)];
  for (const b of blocks) {
    const top = rows.length;
    b.indicators.forEach((ind, i) => {
      rows.push([
        i === 0 ? "「大きな公共を担う活力ある地域社会づくり」に向けて" : "",
        i === 0 ? "（１）豊かなコミュニティの実現" : "",
        i === 0 ? (b.name ?? "㋐ 人と人とのつながりづくりの促進") : "",
        i === 0 ? "身近な地域の中で「声かけ」を実感している区民の割合" : "",
        i === 0 ? (b.targetValue ?? "H29年度までに\n50％以上") : "",
        i === 0 ? `【${b.code}】\n・状態` : "",
        i === 0 ? (b.outcomeList ?? "") : "",
        i === 0 ? "・地域におけるつながりやきずなの大切さを啓発する。" : "",
        i === 0 ? (b.effectiveness ?? "ア") : "",
        ind.actual,
        ind.previous,
        ind.status,
        i === 0 ? b.overall : "",
        i === 0 ? b.progress : "",
        i === 0 ? "―" : "",
        i === 0 ? "―" : "",
      ]);
    });
    const bottom = rows.length - 1;
    if (bottom > top) {
      for (const c of ["A", "B", "C", "D", "E", "F", "G", "H", "I", "M", "N", "O", "P"]) merges.push(`${c}${top + 1}:${c}${bottom + 1}`);
    }
  }
  return grid(name, rows, merges);
}
