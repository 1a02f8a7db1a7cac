import { defaultProfile as P } from "../../src/core/profile";
import { checkWorkbook } from "../../src/core/report";
import { grid } from "../helpers/grid";

const header = ["具体的取組", "業績目標", "撤退基準", "取組実績", "業績目標の達成状況", "戦略に対する取組の有効性", "課題", "改善策"];

describe("summary: 再掲 counts once per listing, under the 経営課題 it is listed under", () => {
  const issue5 = grid("5 具体的取組", [
    header,
    ["戦略５－１ 地域資源を活かしたまちの活性化"],
    ["【5-1-2】\n港区の魅力発掘・創出", "認知度：50%以上", "認知度が20%未満であれば再構築", "認知度：47.1%", "②(i)", "○", "周知不足", "広報を強化"],
    ["戦略５－２ まちの魅力の発信"],
    ["【5-1-2】＜再掲＞\n港区の魅力発掘・創出", "認知度：50%以上", "認知度が20%未満であれば再構築", "認知度：47.1%", "②(i)", "○", "周知不足", "広報を強化"],
  ]);
  const issue6 = grid("6 具体的取組", [
    header,
    ["戦略６－２ 区民の参画と協働による区政運営"],
    ["【4-1-3】\n分権型教育行政の推進、教育課題解決への取組", "研修：2回", "研修が0回であれば", "研修：3回", "①(i)", "○", "", ""],
  ]);
  const issue4 = grid("4 具体的取組", [
    header,
    ["【4-1-3】\n分権型教育行政の推進、教育課題解決への取組", "研修：2回", "研修が0回であれば", "研修：3回", "①(i)", "○", "", ""],
  ]);

  test("each listing is counted under its own strategy's 経営課題", () => {
    const r = checkWorkbook([issue4, issue5, issue6], P);
    expect(r.evaluation.initiatives.map((i) => [i.code, i.strategyCode, i.issueNo, i.relisted])).toEqual([
      ["4-1-3", "4-1", 4, false],
      ["5-1-2", "5-1", 5, false],
      ["5-1-2", "5-2", 5, true],
      ["4-1-3", "6-2", 6, true],
    ]);
    expect(r.summary.byIssue.map((b) => [b.issueNo, b.achieved, b.notAchieved])).toEqual([
      [4, 1, 0],
      [5, 0, 2],
      [6, 1, 0],
    ]);
    expect(r.summary.total).toEqual({ achieved: 2, notAchieved: 2 });
    expect(r.findings.filter((f) => f.rule === "duplicate-initiative")).toEqual([]);
  });

  test("the unmet list shows 〔目標〕〔実績〕 and the remedy, once per listing", () => {
    const r = checkWorkbook([issue5], P);
    expect(r.summary.unmet).toEqual([
      { code: "5-1-2", title: "港区の魅力発掘・創出", situation: "認知度 〔目標〕50%以上 〔実績〕47.1%", remedy: "広報を強化" },
      { code: "5-1-2", title: "港区の魅力発掘・創出", situation: "認知度 〔目標〕50%以上 〔実績〕47.1%", remedy: "広報を強化" },
    ]);
    expect(r.summary.byStrategy.map((s) => [s.code, s.initiatives.map((i) => [i.title, i.status, i.relisted])])).toEqual([
      ["5-1", [["港区の魅力発掘・創出", "目標未達成", false]]],
      ["5-2", [["港区の魅力発掘・創出", "目標未達成", true]]],
    ]);
  });

  test("the same code twice under one strategy, not marked 再掲, is a warning", () => {
    const dup = grid("取組", [header, issue4.cells[1], issue4.cells[1]]);
    const r = checkWorkbook([dup], P);
    expect(r.findings.find((f) => f.rule === "duplicate-initiative")).toMatchObject({ severity: "warning", cell: "A3" });
  });
});
