import { initiativeTitle } from "../../src/core/evaluation";
import { splitInlineStatus } from "../../src/core/inlineStatus";
import { defaultProfile as P } from "../../src/core/profile";
import {
  findStrategyCode,
  issueOfCode,
  readAchievement,
  readGroupRow,
  readInitiativeCode,
  readSymbol,
  strategyOfCode,
} from "../../src/core/codes";

describe("achievement codes ①②③ with (i)/(ii)", () => {
  test.each([
    ["①(i)", "①", "i"],
    ["①ⅰ", "①", "i"],
    ["①（ⅰ）", "①", "i"],
    ["② (ii)", "②", "ii"],
    ["②ⅰ", "②", "i"],
    ["②（ⅱ）", "②", "ii"],
    ["③", "③", null],
  ])("%s is %s %s", (text, achievement, implementation) => {
    expect(readAchievement(P, text)).toEqual({ kind: "valid", code: { achievement, implementation } });
  });

  test.each([
    ["④", "unknown"],
    ["①(iii)", "unknown"],
    ["1(i)", "unknown"],
    ["①", "implementationMissing"],
    ["③(i)", "implementationNotAllowed"],
  ])("%s is invalid (%s)", (text, problem) => {
    expect(readAchievement(P, text)).toMatchObject({ kind: "invalid", problem });
  });

  test("blank and dash are blank", () => {
    expect(readAchievement(P, "")).toEqual({ kind: "blank" });
    expect(readAchievement(P, "―")).toEqual({ kind: "blank" });
  });
});

describe("symbol codes", () => {
  test("○ 〇 ◯ are all ○; × is ×", () => {
    for (const s of ["○", "〇", "◯"]) expect(readSymbol(P.codes.effectiveness, s)).toEqual({ kind: "valid", code: "○" });
    expect(readSymbol(P.codes.effectiveness, "×")).toEqual({ kind: "valid", code: "×" });
  });
  test("full-width Ａ and ａ read as A and a, but Ａ+ is not a code", () => {
    expect(readSymbol(P.codes.indicatorStatus, "Ａ")).toEqual({ kind: "valid", code: "A" });
    expect(readSymbol(P.codes.progress, "ａ")).toEqual({ kind: "valid", code: "a" });
    expect(readSymbol(P.codes.indicatorStatus, "Ａ+")).toMatchObject({ kind: "invalid" });
    expect(readSymbol(P.codes.progress, "A")).toMatchObject({ kind: "invalid" });
  });
});

describe("initiative, strategy and group codes", () => {
  test("【1-3-1】 and full-width 【１－３－１】 at the start of a cell", () => {
    expect(readInitiativeCode("【1-3-1】\n魅力と活気ある地域づくり")).toEqual({ code: "1-3-1", rest: "\n魅力と活気ある地域づくり" });
    expect(readInitiativeCode("【１－３－１】＜再掲＞港区")?.code).toBe("1-3-1");
    expect(readInitiativeCode("経営課題１：区民主体のまちづくり")).toBeNull();
  });
  test("strategy code in めざす状態", () => {
    expect(findStrategyCode("【1-3】\n・多様な活動主体の協働")).toBe("1-3");
    expect(findStrategyCode("【６－４】")).toBe("6-4");
  });
  test("later templates: a word inside the bracket, a bracket holding code and title", () => {
    expect(readInitiativeCode("【具体的取組1-1-1】地域活動協議会への支援", P.codes.initiativePrefixes)).toEqual({
      code: "1-1-1",
      rest: "地域活動協議会への支援",
    });
    expect(readInitiativeCode("【具体的取組１－２－３】", P.codes.initiativePrefixes)?.code).toBe("1-2-3");
    expect(readInitiativeCode("【1-1-1 地域福祉の推進】")?.rest).toBe("地域福祉の推進】");
    // A word with no bracket is not a code: 取組1-1-1 could be any sentence.
    expect(readInitiativeCode("取組1-1-1の実績", P.codes.initiativePrefixes)).toBeNull();
    expect(findStrategyCode("【戦略1-1】", P.codes.strategyPrefixes)).toBe("1-1");
    expect(findStrategyCode("【戦略1-1 にぎわい・活力の創出と商店街の活性化", P.codes.strategyPrefixes)).toBe("1-1");
    expect(findStrategyCode("【戦略１－２】防災", P.codes.strategyPrefixes)).toBe("1-2");
    // Never the first two numbers of an initiative code.
    expect(findStrategyCode("【1-3-1】", P.codes.strategyPrefixes)).toBeNull();
    expect(findStrategyCode("【具体的取組1-3-1】", P.codes.strategyPrefixes)).toBeNull();
  });
  test("titles: the budget note and the bracket a code left open are not part of them", () => {
    const notes = P.codes.titleNotes;
    expect(initiativeTitle("地域活動協議会への支援 ［予算額 263千円］\n本文", notes)).toBe("地域活動協議会への支援");
    expect(initiativeTitle("\n地域活動協議会への支援\n[予算額 1,024千円]", notes)).toBe("地域活動協議会への支援");
    expect(initiativeTitle(" 地域福祉の推進】\n本文", notes)).toBe("地域福祉の推進");
    // 予算 outside brackets is part of a title.
    expect(initiativeTitle("予算編成過程の公開（区政会議）", notes)).toBe("予算編成過程の公開（区政会議）");
  });
  test("R5 inline status at the end of a value", () => {
    expect(splitInlineStatus("住宅用火災警報器の設置率（令和4年度 10,488世帯):A", [":", "："])).toEqual({
      text: "住宅用火災警報器の設置率（令和4年度 10,488世帯)",
      status: "A",
    });
    expect(splitInlineStatus("区民の割合：Ｂ", [":", "："])?.status).toBe("Ｂ");
    // A time or a ratio is not a status.
    expect(splitInlineStatus("開始 10:30", [":", "："])).toBeNull();
    expect(splitInlineStatus("参加者数：200人", [":", "："])).toBeNull();
  });
  test("group rows", () => {
    expect(readGroupRow("経営課題１：区民主体のまちづくり")).toEqual({ issueNo: 1 });
    expect(readGroupRow("戦略１－１ 豊かなコミュニティの促進")).toEqual({ issueNo: 1, strategyCode: "1-1" });
  });
});

describe("strategyOfCode and issueOfCode read a code as splitting it on - did", () => {
  test.each(["1-3-1", "12-3-45", "1-3", "1", "", "1-2-3-4", "-1", "1--2"])("%s", (code) => {
    expect(strategyOfCode(code)).toBe(code.split("-").slice(0, 2).join("-"));
    expect(issueOfCode(code)).toBe(Number(code.split("-")[0]));
  });
});
