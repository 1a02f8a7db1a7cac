import { columnLetter } from "../../src/core/grid";
import { defaultProfile as P } from "../../src/core/profile";
import { recognizeSheet, type SheetLayout } from "../../src/core/recognize";
import { checkWorkbook } from "../../src/core/report";
import { grid } from "../helpers/grid";
import { initiativeSheet, outcomeSheet } from "../helpers/sheets";

const letters = (l: SheetLayout) => Object.fromEntries(Object.entries(l.columns).map(([f, c]) => [f, columnLetter(c)]));

describe("recognition: the sample's own layout", () => {
  test("initiative sheet: two header rows under a title and a legend", () => {
    const l = recognizeSheet(initiativeSheet("1 具体的取組", []), P);
    expect(l.role).toBe("initiative");
    expect([l.headerTop + 1, l.headerBottom + 1]).toEqual([3, 4]);
    expect(letters(l)).toMatchObject({ strategy: "A", initiative: "B", target: "C", threshold: "D", pastResults: "E", actual: "F", achievement: "G", effectiveness: "H", problems: "I", remedy: "J" });
  });

  test("outcome sheet: fields that share words land in their own columns", () => {
    const l = recognizeSheet(outcomeSheet("成果", [{ code: "1-1", indicators: [{ actual: "x 1%", previous: "1%", status: "A" }], overall: "A", progress: "a" }]), P);
    expect(l.role).toBe("outcome");
    expect(letters(l)).toMatchObject({
      issue: "A",
      strategyName: "C",
      strategyText: "H",
      strategyEffectiveness: "I",
      indicatorActual: "J",
      previous: "K",
      individualStatus: "L",
      overallStatus: "M",
      progress: "N",
      problems: "O",
      remedy: "P",
    });
  });
});

describe("recognition: other layouts", () => {
  test("reordered columns, a one-row header with line breaks and full-width text, code in its own column", () => {
    const g = grid("取組シート", [
      ["番号", "業績目標の\n達成状況", "具体的\n取組", "撤退\n基準", "取組\n実績", "業績\n目標", "改善策", "課題", "戦略に対する\n取組の有効性", "戦略"],
      ["【１－１－１】", "①（ⅰ）", "コミュニティの育成", "参加者が100人以下であれば再構築する。", "参加者数：150人", "参加者数：120人", "", "", "○", "（１）㋐"],
    ]);
    const l = recognizeSheet(g, P);
    expect(l.role).toBe("initiative");
    expect(l.headerBottom).toBe(0);
    expect(letters(l)).toMatchObject({ code: "A", achievement: "B", initiative: "C", threshold: "D", actual: "E", target: "F", remedy: "G", problems: "H", effectiveness: "I", strategy: "J" });
    const r = checkWorkbook([g], P);
    expect(r.evaluation.initiatives.map((i) => [i.code, r.judgements.achievement.get(i)!.expected])).toEqual([["1-1-1", "①"]]);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("title rows, a three-row header and group rows between data rows", () => {
    const g = grid(
      "Sheet3",
      [
        ["令和5年度 区政運営方針 自己評価"],
        ["（記入例）①：目標達成 ②：目標未達成 ③：撤退基準未達成"],
        [],
        ["計画", "", "", "", "自己評価"],
        ["具体的取組", "業績目標", "撤退基準", "", "取組実績", "業績目標の達成状況", "", "課題", "改善策"],
        ["", "", "", "", "", "達成状況", "有効性"],
        ["経営課題２：安全・安心・快適なまちづくり"],
        ["戦略２－１ 防災力の向上"],
        ["【2-1-1】\n防災訓練の実施", "訓練参加者数：500人", "参加者が200人未満であれば再構築", "", "訓練参加者数：620人", "①(ii)", "◯", "", ""],
        ["【2-1-2】\n備蓄の充実", "備蓄品目数：40品", "備蓄品目が20品以下であれば再構築", "", "備蓄品目数：35品", "②(i)", "〇", "品目の偏り", "計画的に購入"],
      ],
      ["A1:I1", "A4:D4", "E4:I4", "A5:A6", "B5:B6", "C5:C6", "E5:E6", "F5:G5", "H5:H6", "I5:I6", "A7:I7", "A8:I8"],
    );
    const l = recognizeSheet(g, P);
    expect(l.role).toBe("initiative");
    expect([l.headerTop + 1, l.headerBottom + 1]).toEqual([4, 6]);
    expect(letters(l)).toMatchObject({ initiative: "A", target: "B", threshold: "C", actual: "E", achievement: "F", effectiveness: "G", problems: "H", remedy: "I" });
    const r = checkWorkbook([g], P);
    expect(r.evaluation.initiatives.map((i) => [i.code, i.strategyCode, i.issueNo, i.title])).toEqual([
      ["2-1-1", "2-1", 2, "防災訓練の実施"],
      ["2-1-2", "2-1", 2, "備蓄の充実"],
    ]);
    expect(r.evaluation.issueNames[2]).toBe("安全・安心・快適なまちづくり");
    expect(r.summary.byIssue).toEqual([{ issueNo: 2, name: "安全・安心・快適なまちづくり", achieved: 1, notAchieved: 1 }]);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("a sheet with no header says which headers were looked for", () => {
    const l = recognizeSheet(grid("メモ", [["会議の記録"], ["出席者：10名"]]), P);
    expect(l.role).toBe("other");
    expect(l.reason.ja).toContain("具体的取組");
    expect(l.reason.en).toContain("no header row found");
  });

  test("a header missing a required column is named in a finding", () => {
    const g = grid("取組", [
      ["具体的取組", "業績目標", "撤退基準", "取組実績", "有効性"],
      ["【1-1-1】\n取組", "10件", "5件以下", "12件", "○"],
    ]);
    const l = recognizeSheet(g, P);
    expect(l.role).toBe("initiative");
    expect(l.missing).toEqual(["achievement"]);
    const r = checkWorkbook([g], P);
    expect(r.findings.find((f) => f.rule === "sheet-structure" && f.sheet === "取組")?.message.ja).toContain("業績目標の達成状況");
  });

  test("summary sheets are recognized by their headers, not their names", () => {
    expect(recognizeSheet(grid("集計", [["業績目標の達成状況"], ["経営課題", "", "達成", "未達成"]]), P).role).toBe("tallySummary");
    expect(recognizeSheet(grid("未達成", [["具体的取組", "目標未達成の状況", "対応・改善策など"]]), P).role).toBe("unmetSummary");
  });
});

describe("recognition: a one-character typo is taken, another year is not", () => {
  test("アウトカム指数の達成状況 names the status; 今年度の実績 is never 前年度の実績", () => {
    const g = grid("成果", [
      ["成果指標", "アウトカム指標の実績", "今年度の実績", "アウトカム指数の達成状況"],
      ["【1-1】区民の割合", "区民の割合 55.9%", "55.9%", "A"],
    ]);
    const l = recognizeSheet(g, P);
    expect(l.role).toBe("outcome");
    expect(letters(l)).toMatchObject({ indicatorActual: "B", individualStatus: "D" });
    expect(l.fields.individualStatus).toMatchObject({ how: "similar", alias: "アウトカム指標の達成状況" });
    expect(l.columns.previous).toBeUndefined();
    expect(l.notFound).toContain("previous");
  });
});
