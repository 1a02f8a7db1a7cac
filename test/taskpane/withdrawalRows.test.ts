import { defaultProfile } from "../../src/core/profile";
import { checkWorkbook, toJsonReport } from "../../src/core/report";
import { matchesFilter, withdrawalRows, WITHDRAWAL_FILTERS } from "../../src/taskpane/withdrawalRows";
import { initiativeSheet } from "../helpers/sheets";

const HIT = { target: "10件", threshold: "5件以下であれば再構築する", actual: "3件" };
const NOT_HIT = { target: "10件", threshold: "5件以下であれば再構築する", actual: "12件" };
const QUALITATIVE = { target: "10件", threshold: "適切に対応できなかった場合は再構築する", actual: "12件" };

const report = toJsonReport(
  checkWorkbook(
    [
      initiativeSheet("具体的取組", [
        { code: "1-1-1", ...HIT, achievement: "③", effectiveness: "×" },
        { code: "1-1-2", ...NOT_HIT, achievement: "①(i)", effectiveness: "○" },
        { code: "1-1-3", ...HIT, achievement: "②(i)", effectiveness: "○" },
        { code: "1-1-4", ...QUALITATIVE, achievement: "③", effectiveness: "×" },
        { code: "1-1-5", ...NOT_HIT, achievement: "③", effectiveness: "×" },
        { code: "1-1-6", ...HIT, achievement: "", effectiveness: "" },
      ]),
    ],
    defaultProfile
  ),
  defaultProfile,
  "ja"
);

describe("withdrawal view rows", () => {
  const rows = withdrawalRows(report);

  test("a record disagrees when it says ③ where the criterion is not hit, or not ③ where it is; 判定不可 never does", () => {
    expect(rows.map((r) => [r.code, r.verdict, r.recorded, r.disagrees])).toEqual([
      // Disagreements first, each group in the sheet's order.
      ["1-1-3", "hit", "②", true],
      ["1-1-5", "notHit", "③", true],
      ["1-1-6", "hit", null, true],
      ["1-1-1", "hit", "③", false],
      ["1-1-2", "notHit", "①", false],
      ["1-1-4", "undecidable", "③", false],
    ]);
  });

  test("each row points at its 撤退基準 cell and says how the criterion was read", () => {
    expect(rows.find((r) => r.code === "1-1-1")).toMatchObject({
      sheet: "具体的取組",
      cell: "D5",
      thresholds: [{ read: "5件以下", actual: "3件", outcome: "hit" }],
    });
    expect(rows.find((r) => r.code === "1-1-4")!.reason).toContain("数値で書かれていないため規則では判定できません");
  });

  test("filters", () => {
    const count = Object.fromEntries(WITHDRAWAL_FILTERS.map((f) => [f, rows.filter((r) => matchesFilter(r, f)).length]));
    expect(count).toEqual({ all: 6, hit: 3, undecidable: 1, disagrees: 3 });
  });
});
