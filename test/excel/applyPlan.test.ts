import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { applyPlan, rowSlices } from "../../src/excel/applyPlan";
import { runAction, selectCell } from "../../src/excel/session";
import { describeError } from "../../src/excel/errors";
import { defaultProfile } from "../../src/core/profile";
import { checkWorkbook } from "../../src/core/report";
import { buildWritePlan } from "../../src/core/plan";
import { loadBook } from "../../src/xlsx/files";
import { checkInto, writeWithExcelJs } from "../helpers/xlsxFiles";
import { MockExcelHost, OfficeError, type HostOptions } from "../host/mockExcel";
import { addMergedScratchSheet, addPersonsExcelMarks } from "../host/hazards";
import { outcomeMessage } from "../../src/taskpane/outcomeMessage";
import { bookFromJson, bookState, cloneBook, type BookJson } from "../host/mockBook";
import { bookJsonFromWorkbook, mergesInReadingOrder } from "../host/fromXlsx";
import { SAMPLE } from "../helpers/seed";

const INITIATIVES = "1 具体的取組";
const OUTCOMES = "1 めざす成果及び戦略";
/** The sample as saved, and with what real workbooks hold that the stand-in once let pass (test/host/hazards.ts). */
const FIXTURES = [
  { fixture: "as saved", hazards: false },
  { fixture: "with a person's two-area rule, 600 merged areas and a threaded comment", hazards: true },
];

async function sampleWorkbook(hazards: boolean): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  if (hazards) addMergedScratchSheet(wb);
  return wb;
}

function run(h: MockExcelHost) {
  return h.run.bind(h) as Parameters<typeof runAction>[1]["run"];
}

function act(h: MockExcelHost, action: Parameters<typeof runAction>[0], notes = true) {
  return runAction(action, { profile: defaultProfile, lang: "ja", run: run(h), notes });
}

function valuesOf(h: MockExcelHost, names: string[]) {
  return names.map((n) => JSON.stringify(h.sheet(n)!.values));
}

describe.each(FIXTURES)("applyPlan (Office adapter) on the sample workbook $fixture", ({ hazards }) => {
  let sampleJson: BookJson;

  beforeAll(async () => {
    sampleJson = bookJsonFromWorkbook(await sampleWorkbook(hazards));
  });

  // A response limit the sample's cells pass but its merged areas, formats and notes alone do not (the scratch
  // sheet's 600 merged areas weigh about 12 kB).
  const smallLimit = hazards ? 40_000 : 20_000;

  function host(options: HostOptions = {}): MockExcelHost {
    const book = bookFromJson(sampleJson);
    if (hazards) addPersonsExcelMarks(book, { sheet: INITIATIVES, cell: "B5" });
    return new MockExcelHost(book, options);
  }

  test("色分け adds one rule set and one dropdown per status column range, and a note at the finding", async () => {
    const h = host();
    const before = valuesOf(h, [INITIATIVES, OUTCOMES]);
    const result = await act(h, "color");
    expect(result.outcome?.applied).toBe(true);
    const sheet = h.sheet(INITIATIVES)!;
    const ranges = [...new Set(sheet.rules.map((r) => JSON.stringify(r.bounds)))];
    expect(ranges).toHaveLength(2); // G5:G10 and H5:H10, never per cell
    expect(sheet.rules.every((r) => r.formula.includes('N("hyoka")=0'))).toBe(true);
    expect(sheet.rules.find((r) => r.formula.includes('"①"'))?.fill).toBe(
      defaultProfile.colors["①"].fill
    );
    expect(sheet.validations.get("4,6")?.source).toBe("①(i),①(ii),②(i),②(ii),③");
    expect(sheet.validations.get("9,6")?.title).toBe("Hyoka");
    expect(sheet.notes.get("G9")).toMatch(/^\[Hyoka\]\n■注意: .*8社/s);
    expect(h.sheet(OUTCOMES)!.rules.length).toBeGreaterThan(0);
    expect(valuesOf(h, [INITIATIVES, OUTCOMES])).toEqual(before);
    expect(h.book.sheets.find((s) => s.name === "_hyoka")?.visibility).toBe("VeryHidden");
  });

  test("read + apply take four syncs in all, whatever the plan holds", async () => {
    const h = host();
    const result = await act(h, "color");
    expect(result.syncs).toBe(4);
    expect(h.syncs).toBe(4);
    const again = await act(h, "summary");
    expect(again.syncs).toBe(4);
  });

  test("集計表 fills the template sheets below their headers with the council tally", async () => {
    const h = host();
    await act(h, "summary");
    const tally = h.sheet("業績目標の達成状況")!.values;
    expect(tally[2].slice(0, 4)).toEqual(["経営課題1", expect.any(String), 5, 1]);
    expect(tally.find((r) => r[0] === "計")?.slice(2, 4)).toEqual([2 + 5, 1 + 4]);
    const unmet = h.sheet("目標未達成の取組み")!.values;
    expect(unmet.slice(2).some((r) => String(r[1]).includes("〔目標〕"))).toBe(true);
    expect(h.sheet(INITIATIVES)!.rules).toHaveLength(0); // 集計表 alone adds no colors
  });

  test("does what the .xlsx adapter does: both give the same workbook contents", async () => {
    const h = host();
    await act(h, "color");
    await act(h, "summary");
    const fromExcel = (await readWorkbook(h.context())).grids;

    const input = hazards ? await writeWithExcelJs(await sampleWorkbook(hazards)) : SAMPLE;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-both-"));
    const checked = path.join(dir, "checked.xlsx");
    await checkInto(input, checked);
    expect(mergesInReadingOrder(fromExcel)).toEqual(mergesInReadingOrder((await loadBook(checked)).grids));
    await fs.rm(dir, { recursive: true, force: true });
    if (input !== SAMPLE) await fs.rm(path.dirname(input), { recursive: true, force: true });
  });

  test("色分け and 集計表 change no value a person typed; 集計表 writes only below the summary headers", async () => {
    const h = host();
    const before = h.book.sheets.map((sh) => ({
      name: sh.name,
      values: JSON.stringify(sh.values),
      formats: JSON.stringify(sh.formats),
    }));
    await act(h, "color");
    await act(h, "summary");
    for (const b of before) {
      const now = h.sheet(b.name)!;
      if (b.name === "業績目標の達成状況" || b.name === "目標未達成の取組み") {
        // Their headers (rows 1–2) are as typed; Hyoka's values start below.
        expect(JSON.stringify(now.values.slice(0, 2))).toBe(
          JSON.stringify(JSON.parse(b.values).slice(0, 2))
        );
        continue;
      }
      expect({
        sheet: b.name,
        values: JSON.stringify(now.values),
        formats: JSON.stringify(now.formats),
      }).toEqual({
        sheet: b.name,
        values: b.values,
        formats: b.formats,
      });
    }
  });

  test("re-applying replaces what Hyoka added instead of stacking it", async () => {
    const h = host();
    await act(h, "color");
    await act(h, "summary");
    const once = bookState(h.book);
    await act(h, "color");
    await act(h, "summary");
    await act(h, "color");
    expect(bookState(h.book)).toEqual(once);
  });

  test("クリア removes all Hyoka added and nothing else", async () => {
    const h = host();
    const mine = h.sheet(INITIATIVES)!;
    mine.rules.push({
      id: 1,
      type: "ColorScale",
      bounds: { top: 4, left: 3, bottom: 9, right: 3 },
      formula: "",
      fill: "",
      font: "",
    });
    mine.notes.set("B5", "担当: 山田");
    mine.validations.set("4,8", { type: "WholeNumber", source: "", title: "", message: "" });
    const original = bookState(cloneBook(h.book));
    await act(h, "color");
    await act(h, "summary");
    expect(bookState(h.book)).not.toEqual(original);
    const cleared = await act(h, "clear");
    expect(cleared.outcome?.applied).toBe(true);
    expect(bookState(h.book)).toEqual(original);
  });

  test("a person's own note or dropdown is left alone and reported", async () => {
    const h = host();
    h.sheet(INITIATIVES)!.notes.set("G9", "確認済み（課長）");
    const result = await act(h, "color");
    expect(h.sheet(INITIATIVES)!.notes.get("G9")).toBe("確認済み（課長）");
    expect(result.outcome?.applied && result.outcome.skipped).toContainEqual({
      sheet: INITIATIVES,
      cell: "G9",
      what: "note",
    });
  });

  test("a protected sheet: nothing is written, and the pane is told which sheet", async () => {
    const h = host();
    h.sheet(INITIATIVES)!.protected = true;
    const before = bookState(cloneBook(h.book));
    const result = await act(h, "color");
    expect(result.outcome).toMatchObject({ applied: false, protectedSheets: [INITIATIVES] });
    expect(bookState(h.book)).toEqual(before);
  });

  test("Excel without notes (before ExcelApi 1.18): colors and dropdowns still go in, notes are reported skipped", async () => {
    const h = host({ apiVersion: 13 });
    const result = await act(h, "color", false);
    expect(result.outcome).toMatchObject({ applied: true, notesSkipped: true });
    expect(h.sheet(INITIATIVES)!.notes.size).toBe(0);
    expect(h.sheet(INITIATIVES)!.rules.length).toBeGreaterThan(0);
  });

  test("while the user types in a cell the batch waits, then runs", async () => {
    const h = host();
    h.editing = true;
    setTimeout(() => (h.editing = false), 50);
    const result = await act(h, "check");
    expect(result.report.summary.total).toEqual({ achieved: 7, notAchieved: 5 });
  });

  test("without delayForCellEdit, cell-edit mode fails with a message that says what to do", async () => {
    const h = host();
    h.editing = true;
    const error = await h.run(async (c) => readWorkbook(c)).catch((e: unknown) => e);
    expect(describeError(error).ja).toContain("編集中");
  });

  test("a workbook over the response limit is read in row chunks and reads the same", async () => {
    const whole = await readWorkbook(host().context());
    const h = host({ payloadLimit: smallLimit });
    const chunked = await readWorkbook(h.context(), { chunkCells: 200 });
    expect(chunked.grids).toEqual(whole.grids);
    expect(chunked.syncs).toBeGreaterThan(3);
    expect(h.largestResponse).toBeGreaterThan(smallLimit); // the refused first attempt
  });

  test("under a small request limit the write is split, no request passes it, and the workbook ends the same", async () => {
    const write = async (h: MockExcelHost, requestBudget?: number) => {
      const context = h.context();
      const snapshot = await readWorkbook(context);
      const plan = buildWritePlan(checkWorkbook(snapshot.grids, defaultProfile), defaultProfile, "ja");
      return applyPlan(context, plan, snapshot, { notes: true, requestBudget });
    };
    const whole = host();
    expect(await write(whole)).toMatchObject({ applied: true, syncs: 2 });
    const limit = 12_000;
    const small = host({ payloadLimit: 60_000 });
    const outcome = await write(small, limit);
    expect(outcome.applied).toBe(true);
    expect(outcome.syncs).toBeGreaterThan(2);
    if (outcome.applied) expect(outcome.largestRequest).toBeLessThanOrEqual(limit + 4_096);
    expect(bookState(small.book)).toEqual(bookState(whole.book));
  });

  test("rowSlices keeps every row, in order, each slice within the limit unless one row alone passes it", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`行${i}`.repeat(1 + (i % 7)), i]);
    rows[20] = ["重".repeat(400), 20];
    const slices = rowSlices(rows, 300);
    expect(slices.flatMap((x) => x.rows)).toEqual(rows);
    slices.forEach((x, i) => {
      expect(x.offset).toBe(i === 0 ? 0 : slices[i - 1].offset + slices[i - 1].rows.length);
      if (x.rows.length > 1) expect(x.bytes).toBeLessThanOrEqual(300);
    });
    expect(slices.find((x) => x.rows.includes(rows[20]))!.rows).toHaveLength(1);
  });

  test("a read told the workbook is large skips the one-response attempt and reads the same", async () => {
    const h = host({ payloadLimit: smallLimit });
    const first = await readWorkbook(h.context(), { chunkCells: 200 });
    expect(first.large).toBe(true);
    expect(h.largestResponse).toBeGreaterThan(smallLimit); // the refused one-response attempt
    const second = await readWorkbook(h.context(), { chunkCells: 200, large: true });
    // The same chunks, without the one-response attempt before them.
    expect(second.syncs).toBe(first.syncs - 1);
    expect(second.grids).toEqual(first.grids);
    expect((await readWorkbook(host().context())).large).toBe(false);
  });

  test("the pane's memory of a large workbook carries from one press to the next", async () => {
    const h = host({ payloadLimit: smallLimit });
    const memory = { large: false };
    const press = () =>
      runAction("check", { profile: defaultProfile, lang: "ja", run: run(h), notes: false, memory });
    const first = await press();
    expect(memory.large).toBe(true);
    const second = await press();
    expect(second.syncs).toBe(first.syncs - 1);
    expect(second.report).toEqual(first.report);
    const small = { large: true };
    await runAction("check", { profile: defaultProfile, lang: "ja", run: run(host()), notes: false, memory: small });
    expect(small.large).toBe(false);
  });

  test("selecting a finding activates its sheet and selects its cell", async () => {
    const h = host();
    await selectCell(run(h), INITIATIVES, "G9");
    expect(h.activeSheet).toBe(INITIATIVES);
    expect(h.selection).toEqual({ sheet: INITIATIVES, address: "G9" });
  });

  test("applyPlan without a snapshot reads for itself first", async () => {
    const h = host();
    const context = h.context();
    const snapshot = await readWorkbook(context);
    const result = checkWorkbook(snapshot.grids, defaultProfile);
    const outcome = await applyPlan(h.context(), buildWritePlan(result, defaultProfile, "ja"));
    expect(outcome).toMatchObject({ applied: true, syncs: 4 });
  });

  describe("an Excel error in the middle of writing", () => {
    const LATER = "6 具体的取組"; // the fourth sheet: the three before it are changed before the failure

    async function interrupted(failRestore: boolean) {
      const h = host();
      await act(h, "color");
      await act(h, "summary");
      const before = bookState(cloneBook(h.book));
      h.resetCounters();
      // Read (2 syncs), look (1), write (4th): someone protects a sheet just before the write.
      h.beforeSync = (n) => {
        if (n === 4) h.sheet(LATER)!.protected = true;
        if (failRestore && n > 4)
          throw new OfficeError("GeneralException", "Excel stopped answering");
      };
      const result = await act(h, "color");
      return { h, before, result };
    }

    test("leaves the workbook as it was: what was already changed is put back, and the pane says so", async () => {
      const { h, before, result } = await interrupted(false);
      expect(result.outcome).toMatchObject({ applied: false, reason: "failed", restored: true });
      expect(bookState(h.book)).toEqual(before);
      const message = outcomeMessage(result, "ja")!;
      expect(message.title).toBe("途中で止まったため、元に戻しました");
      expect(message.body).toContain("保護");
      expect(message.body).toContain("押す前と同じ");
    });

    test("when putting back fails too, the pane says the workbook is half done and how to clear it", async () => {
      const { result } = await interrupted(true);
      expect(result.outcome).toMatchObject({ applied: false, reason: "failed", restored: false });
      const message = outcomeMessage(result, "en")!;
      expect(message.title).toBe("Stopped part way (partly written)");
      expect(message.body).toContain("Press Clear");
    });

    test("a summary interrupted part way puts the tally cells back as they were", async () => {
      const h = host();
      await act(h, "summary");
      h.sheet("業績目標の達成状況")!.values[2][2] = 99; // the previous tally, as a later run finds it
      const before = bookState(cloneBook(h.book));
      h.resetCounters();
      h.beforeSync = (n) => {
        if (n === 4) h.sheet("目標未達成の取組み")!.protected = true;
      };
      const result = await act(h, "summary");
      expect(result.outcome).toMatchObject({ applied: false, reason: "failed", restored: true });
      expect(bookState(h.book)).toEqual(before);
    });
  });
});
