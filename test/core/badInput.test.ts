import { checkWorkbook } from "../../src/core/report";
import { defaultProfile } from "../../src/core/profile";
import { parseQuantities } from "../../src/core/quantity";
import { initiativeSheet, outcomeSheet, type InitiativeRowSpec, type OutcomeRowSpec } from "../helpers/sheets";
import { grid } from "../helpers/grid";
import type { SheetGrid } from "../../src/core/grid";

// Real strings from the seed (港区 平成28年度, 【1-3-1】 and 【1-3】), as the sample workbook holds them.
const ROW: InitiativeRowSpec = {
  code: "1-3-1",
  title: "魅力と活気ある地域づくりに向けて",
  target: "みなとクリーンアップ大作戦（大阪マラソンとごちそうマラソンに向けた美化活動）を実施。（25団体）",
  threshold: "地域貢献活動を行った企業・事業所等の数が20団体以下であれば事業を再構築する。",
  actual: "区内企業等に働きかけ、地域貢献活動への参画する機会の提供を行った。\n\nみなとクリーンアップ大作戦参画団体　3４企業・団体",
  achievement: "①(i)",
  effectiveness: "○",
};
const BLOCK: OutcomeRowSpec = {
  code: "1-3",
  indicators: [
    {
      actual: "地域のまちづくりに関する活動がさまざまな活動主体の連携・協働により進められていると感じている区民の割合 40.5%",
      previous: "41.0%",
      status: "B",
    },
  ],
  overall: "B",
  progress: "b",
};

function findings(sheets: SheetGrid[]) {
  return checkWorkbook(sheets, defaultProfile).findings.map((f) => ({
    severity: f.severity,
    rule: f.rule,
    at: `${f.sheet}!${f.cell}`,
    ja: f.message.ja,
    en: f.message.en,
  }));
}

describe("bad input gets a clear finding naming the sheet and cell", () => {
  test("an empty workbook: no evaluation sheet, with the headers that were looked for", () => {
    const [f] = findings([]);
    expect(f).toMatchObject({ severity: "error", rule: "sheet-structure" });
    expect(f.ja).toContain("具体的取組・業績目標・業績目標の達成状況");
  });

  test("a workbook of other sheets: the same, and each sheet says why it is not one", () => {
    const r = checkWorkbook([grid("メモ", [["会議日程"], ["4月10日"]])], defaultProfile);
    expect(r.findings.map((f) => f.rule)).toEqual(["sheet-structure"]);
    expect(r.evaluation.sheets[0].reason.ja).toContain("見出し行が見つかりません");
  });

  test("header-only sheets: a warning under each header", () => {
    const fs = findings([outcomeSheet("1 成果", []), initiativeSheet("1 取組", [])]);
    expect(fs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "empty-evaluation-sheet", at: "1 成果!A6", severity: "warning" }),
        expect.objectContaining({ rule: "empty-evaluation-sheet", at: "1 取組!A5", severity: "warning" }),
      ])
    );
  });

  test("a header row missing a required column: an error at the header naming the column", () => {
    const sheet = initiativeSheet("1 取組", [ROW]);
    const cells = sheet.cells.map((r) => r.map((c) => (c === "業績目標" ? "目標" : c)));
    const fs = findings([outcomeSheet("1 成果", [BLOCK]), { ...sheet, cells }]);
    const f = fs.find((x) => x.rule === "sheet-structure")!;
    expect(f.at).toBe("1 取組!A3");
    expect(f.ja).toContain("業績目標");
  });

  test("formula errors (#N/A, #DIV/0!, #REF!) are named at their cells and never judged OK", () => {
    const fs = findings([
      outcomeSheet("1 成果", [{ ...BLOCK, indicators: [{ actual: "#DIV/0!", previous: "#N/A", status: "A" }] }]),
      initiativeSheet("1 取組", [{ ...ROW, actual: "#N/A" }, { ...ROW, code: "1-3-2", achievement: "#REF!" }]),
    ]);
    const errors = fs.filter((f) => f.rule === "formula-errors").map((f) => f.at);
    expect(errors).toEqual(expect.arrayContaining(["1 取組!F5", "1 取組!G6", "1 成果!J6", "1 成果!K6"]));
    expect(fs.find((f) => f.at === "1 取組!G5" && f.rule === "achievement-rule")?.severity).toBe("info");
    expect(fs.find((f) => f.at === "1 成果!L6")?.severity).toBe("info");
  });

  test("a code whose strategy has no outcome row is named at the initiative", () => {
    const fs = findings([outcomeSheet("1 成果", [BLOCK]), initiativeSheet("1 取組", [ROW, { ...ROW, code: "1-9-1" }])]);
    const f = fs.find((x) => x.rule === "strategy-without-outcome")!;
    expect(f.at).toBe("1 取組!B6");
    expect(f.ja).toContain("【1-9】");
  });

  test("unknown codes (④, ①(iii), Ａ+) are errors at their cells", () => {
    const fs = findings([
      outcomeSheet("1 成果", [{ ...BLOCK, indicators: [{ ...BLOCK.indicators[0], status: "Ａ+" }] }]),
      initiativeSheet("1 取組", [{ ...ROW, achievement: "④" }, { ...ROW, code: "1-3-2", achievement: "①(iii)" }]),
    ]);
    const codes = fs.filter((f) => f.severity === "error").map((f) => `${f.at} ${f.ja}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1 取組!G5 .*④/),
        expect.stringMatching(/^1 取組!G6 .*①\(iii\)/),
        expect.stringMatching(/^1 成果!L6 .*Ａ\+/),
      ])
    );
  });

  test("duplicate codes not marked 再掲 are warned at the second", () => {
    const fs = findings([outcomeSheet("1 成果", [BLOCK]), initiativeSheet("1 取組", [ROW, ROW])]);
    expect(fs.find((f) => f.rule === "duplicate-initiative")?.at).toBe("1 取組!B6");
  });

  test("dates are not quantities: 2016-05-01 gives no 1 and no 5", () => {
    expect(parseQuantities("2016-05-01 実施", defaultProfile)).toEqual([]);
    const fs = findings([outcomeSheet("1 成果", [BLOCK]), initiativeSheet("1 取組", [{ ...ROW, actual: "2016-05-01" }])]);
    expect(fs.find((f) => f.at === "1 取組!G5")?.severity).toBe("info");
  });

  test("a 32,000-character cell is read and judged like any other", () => {
    const long = `${ROW.actual}\n${"地域の清掃活動を継続して実施した。".repeat(1900)}`.slice(0, 32000);
    const r = checkWorkbook([outcomeSheet("1 成果", [BLOCK]), initiativeSheet("1 取組", [{ ...ROW, actual: long }])], defaultProfile);
    expect(long.length).toBe(32000);
    expect(r.judgements.achievement.get(r.evaluation.initiatives[0])?.expected).toBe("①");
  });

  test("emoji and rare kanji (𠮷, 髙, 🍙) do not disturb codes, labels or numbers", () => {
    const r = checkWorkbook(
      [
        outcomeSheet("1 成果", [BLOCK]),
        initiativeSheet("1 取組", [{ ...ROW, title: "𠮷野・髙橋地区🍙の企業連携", actual: `${ROW.actual}🏢` }]),
      ],
      defaultProfile
    );
    const init = r.evaluation.initiatives[0];
    expect(init.code).toBe("1-3-1");
    expect(init.title).toContain("𠮷野・髙橋地区🍙");
    expect(r.judgements.achievement.get(init)?.expected).toBe("①");
  });

  test("a merge spanning the header and the first data row does not hide the row", () => {
    const sheet = initiativeSheet("1 取組", [{ ...ROW, strategy: "（２）㋑ 校区等地域を越えた多様な主体のネットワーク" }]);
    const merged = { ...sheet, merges: [...sheet.merges, { top: 2, left: 0, bottom: 4, right: 0 }] };
    const r = checkWorkbook([outcomeSheet("1 成果", [BLOCK]), merged], defaultProfile);
    const layout = r.evaluation.sheets.find((l) => l.sheet === "1 取組")!;
    expect(layout.role).toBe("initiative");
    expect(r.evaluation.initiatives.map((i) => i.code)).toEqual(["1-3-1"]);
  });
});
