import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { loadWithExcelJs as loadWorkbook } from "../helpers/xlsxFiles";
import { SAMPLE } from "../helpers/seed";

const quiet = { out: () => undefined, err: () => undefined };

/** Every cell's value (formulas included) of every sheet, keyed by sheet!address. */
function values(wb: ExcelJS.Workbook, sheets?: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== null && cell.value !== "") out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    );
  }
  return out;
}

function styleOf(wb: ExcelJS.Workbook): string {
  return JSON.stringify(
    wb.worksheets.map((ws) => ({
      name: ws.name,
      state: ws.state,
      cf: (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
      dv: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
      notes: values(wb, [ws.name]).size,
    })),
  );
}

describe("check --out on the sample: the workbook gains formats, dropdowns, notes and summaries, and loses nothing", () => {
  let dir: string;
  let original: ExcelJS.Workbook;
  let checked: ExcelJS.Workbook;
  const evaluationSheets = ["1 めざす成果及び戦略", "1 具体的取組", "6 めざす成果及び戦略", "6 具体的取組"];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-"));
    expect(await main(["check", SAMPLE, "--out", path.join(dir, "once.xlsx")], quiet)).toBe(0);
    original = await loadWorkbook(SAMPLE);
    checked = await loadWorkbook(path.join(dir, "once.xlsx"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  test("every original cell value is unchanged", () => {
    const before = values(original);
    const after = values(checked);
    for (const [key, value] of before) expect([key, after.get(key)]).toEqual([key, value]);
  });

  test("the evaluation sheets gain no value at all", () => {
    expect(values(checked, evaluationSheets)).toEqual(values(original, evaluationSheets));
  });

  test("status columns get one conditional-format rule set per column range, with the profile's colors", () => {
    const ws = checked.getWorksheet("1 具体的取組")!;
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(["G5:G10", "H5:H10"]);
    expect(cfs[0].rules).toHaveLength(3);
    expect(cfs[0].rules[2].formulae[0]).toContain('"③"');
    const outcome = checked.getWorksheet("1 めざす成果及び戦略")!;
    const refs = (outcome as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map((c) => c.ref);
    expect(refs).toEqual(["L6:L33", "M6:M33", "N6:N33", "I6:I33"]);
  });

  test("status cells get a dropdown of the valid codes", () => {
    const dv = checked.getWorksheet("1 具体的取組")!.getCell("G7").dataValidation;
    expect(dv).toMatchObject({ type: "list", formulae: ['"①(i),①(ii),②(i),②(ii),③"'] });
  });

  test("the cell with a finding gets a note", () => {
    const note = checked.getWorksheet("1 具体的取組")!.getCell("G9").note;
    const text = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
    expect(text).toContain("[Hyoka]");
    expect(text).toContain("【1-3-1】");
  });

  test("the existing summary sheets are filled under their headers", () => {
    const tally = checked.getWorksheet("業績目標の達成状況")!;
    expect([3, 4, 5].map((r) => [1, 2, 3, 4].map((c) => tally.getCell(r, c).value))).toEqual([
      ["経営課題1", "「大きな公共を担う活力ある地域社会づくり」に向けて", 5, 1],
      ["経営課題6", "「自律した自治体型の区政運営」に向けて", 2, 4],
      ["計", null, 7, 5],
    ]);
    const unmet = checked.getWorksheet("目標未達成の取組み")!;
    expect(unmet.getCell("B4").value).toBe("日常生活に関する様々な相談や要望について、区役所が適切に対応していると感じる区民の割合 〔目標〕75% 〔実績〕73.1%");
  });

  test("running again on the checked workbook changes nothing more", async () => {
    const twice = path.join(dir, "twice.xlsx");
    expect(await main(["check", path.join(dir, "once.xlsx"), "--out", twice], quiet)).toBe(0);
    const again = await loadWorkbook(twice);
    expect(values(again)).toEqual(values(checked));
    expect(styleOf(again)).toEqual(styleOf(checked));
  });

  test("clear removes everything Hyoka added and nothing else", async () => {
    const cleared = path.join(dir, "cleared.xlsx");
    expect(await main(["clear", path.join(dir, "once.xlsx"), "--out", cleared], quiet)).toBe(0);
    const wb = await loadWorkbook(cleared);
    expect(values(wb)).toEqual(values(original));
    expect(styleOf(wb)).toEqual(styleOf(original));
  });
});
