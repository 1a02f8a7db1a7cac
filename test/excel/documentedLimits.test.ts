/**
 * The Office adapter copes with what Excel is documented to do (test/host/mockExcel.test.ts shows the stand-in does
 * it): formats on several areas, more than 512 merged areas, partly validated ranges, threaded comments, oversized
 * requests answered with GeneralException, merged template cells, the 31-character sheet name, hidden sheets and
 * InvalidOperation while a cell is edited.
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { runAction, selectCell } from "../../src/excel/session";
import { describeError } from "../../src/excel/errors";
import { mergeTiles, mergedAreasBound, MERGED_AREAS_LIMIT } from "../../src/excel/mergeTiles";
import { defaultProfile, type Profile } from "../../src/core/profile";
import { rangeBounds } from "../../src/core/grid";
import { outcomeMessage } from "../../src/taskpane/outcomeMessage";
import { MAX_SHEET_NAME, MockExcelHost, type HostOptions } from "../host/mockExcel";
import {
  bookFromJson,
  bookState,
  cloneBook,
  emptySheet,
  type BookJson,
  type MockBook,
} from "../host/mockBook";
import { bookJsonFromWorkbook } from "../host/fromXlsx";
import { SAMPLE } from "../helpers/seed";

const INITIATIVES = "1 具体的取組";
const TALLY = "業績目標の達成状況";
let sampleJson: BookJson;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  sampleJson = bookJsonFromWorkbook(wb);
});

function host(options: HostOptions = {}, change?: (book: MockBook) => void): MockExcelHost {
  const book = bookFromJson(sampleJson);
  change?.(book);
  return new MockExcelHost(book, options);
}

function press(
  h: MockExcelHost,
  action: Parameters<typeof runAction>[0],
  profile: Profile = defaultProfile
) {
  return runAction(action, {
    profile,
    lang: "ja",
    run: h.run.bind(h) as Parameters<typeof runAction>[1]["run"],
    notes: true,
  });
}

describe("1. conditional formats on several areas", () => {
  test("色分け and クリア work beside a person's rule on two areas of the same sheet, which stays as it was", async () => {
    const person = {
      id: 7,
      type: "Custom" as const,
      bounds: rangeBounds("H5:H6"),
      more: [rangeBounds("H8:H10")],
      formula: 'H5="×"',
      fill: "#FFC7CE",
      font: "#9C0006",
    };
    const h = host({}, (b) => b.sheets.find((s) => s.name === INITIATIVES)!.rules.push(person));
    const original = bookState(cloneBook(h.book));
    const colored = await press(h, "color");
    expect(colored.outcome?.applied).toBe(true);
    expect(
      h.sheet(INITIATIVES)!.rules.filter((r) => r.formula.includes("hyoka")).length
    ).toBeGreaterThan(0);
    const cleared = await press(h, "clear");
    expect(cleared.outcome?.applied).toBe(true);
    expect(bookState(h.book)).toEqual(original);
  });

  test("Hyoka's own rule split into two areas (rows moved) is still found, removed by クリア, and put back if a write fails", async () => {
    const h = host();
    await press(h, "color");
    const ours = h.sheet(INITIATIVES)!.rules.filter((r) => r.formula.includes("hyoka"));
    // A person moved rows: every Hyoka rule on column G now covers G5:G7 and G9:G10.
    for (const r of ours.filter((x) => x.bounds.left === 6)) {
      r.bounds = rangeBounds("G5:G7");
      r.more = [rangeBounds("G9:G10")];
    }
    const split = bookState(cloneBook(h.book));
    // A failed write puts the split rules back, on both areas.
    h.resetCounters();
    h.beforeSync = (n) => {
      if (n === 4) h.sheet("6 具体的取組")!.protected = true;
    };
    const failed = await press(h, "color");
    expect(failed.outcome).toMatchObject({ applied: false, reason: "failed", restored: true });
    const back = h
      .sheet(INITIATIVES)!
      .rules.filter((r) => r.formula.includes("hyoka") && r.bounds.left === 6);
    expect(new Set(back.map((r) => `${r.bounds.top}-${r.bounds.bottom}`))).toEqual(
      new Set(["4-6", "8-9"])
    );
    expect(bookState(h.book)).not.toEqual(split); // put back as one rule per area, not as one rule on two areas
    h.beforeSync = null;
    h.sheet("6 具体的取組")!.protected = false;
    const cleared = await press(h, "clear");
    expect(cleared.outcome?.applied).toBe(true);
    expect(h.book.sheets.flatMap((s) => s.rules)).toEqual([]);
  });
});

describe("2. more than 512 merged areas on a sheet", () => {
  test("merged areas are read tile by tile, each tile unable to hold more than 512, in the same two syncs", async () => {
    const h = host({}, (b) => {
      const sheet = emptySheet("結合の多いシート");
      // 2,000 merged areas: A:B of every row, and C:D of every other row.
      for (let r = 0; r < 1300; r++) {
        sheet.values.push([`行${r + 1}`, "", r, ""]);
        sheet.merges.push({ top: r, left: 0, bottom: r, right: 1 });
        if (r % 2 === 0 && sheet.merges.length < 2000)
          sheet.merges.push({ top: r, left: 2, bottom: r, right: 3 });
      }
      b.sheets.push(sheet);
    });
    const merges = h.sheet("結合の多いシート")!.merges;
    expect(merges.length).toBeGreaterThan(MERGED_AREAS_LIMIT);
    const snapshot = await readWorkbook(h.context());
    expect(snapshot.syncs).toBe(2);
    const grid = snapshot.grids.find((g) => g.name === "結合の多いシート")!;
    const key = (m: { top: number; left: number }) => m.top * 100 + m.left;
    expect(grid.merges.map(key).sort((a, b) => a - b)).toEqual(
      merges.map(key).sort((a, b) => a - b)
    );
  });

  test.each([
    [1, 1],
    [170, 16],
    [30_000, 12],
    [5, 300],
    [2, 16_384],
  ])(
    "tiles of a %i × %i used range cover it exactly, each bounded by 512 merged areas",
    (rows, cols) => {
      const tiles = mergeTiles({ rowIndex: 3, columnIndex: 2, rowCount: rows, columnCount: cols });
      expect(tiles.reduce((n, t) => n + t.rows * t.cols, 0)).toBe(rows * cols);
      for (const t of tiles) {
        expect(mergedAreasBound(t)).toBeLessThanOrEqual(MERGED_AREAS_LIMIT);
        expect(t.row).toBeGreaterThanOrEqual(3);
        expect(t.row + t.rows).toBeLessThanOrEqual(3 + rows);
        expect(t.col + t.cols).toBeLessThanOrEqual(2 + cols);
      }
      expect(mergeTiles({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 })).toEqual([]);
    }
  );
});

describe("3. a status column that grew after 色分け", () => {
  const grow = (h: MockExcelHost) => {
    const sheet = h.sheet(INITIATIVES)!;
    sheet.values[10] = sheet.values[4].map((v, c) =>
      c === 1 ? String(v).replace("【1-1-1】", "【1-1-3】") : v
    );
    sheet.formats[10] = [...sheet.formats[4]];
  };

  test("the new row gets Hyoka's dropdown with the rest: what Hyoka recorded decides, not the partly validated range", async () => {
    const h = host();
    await press(h, "color");
    const sheet = h.sheet(INITIATIVES)!;
    expect(sheet.validations.get("4,6")?.title).toBe("Hyoka");
    expect(sheet.validations.has("10,6")).toBe(false);
    grow(h);
    const again = await press(h, "color");
    expect(again.outcome?.applied && again.outcome.skipped).toEqual([]);
    for (let r = 4; r <= 10; r++) expect(sheet.validations.get(`${r},6`)?.title).toBe("Hyoka");
  });

  test("a person's own dropdown in the new row is kept and reported", async () => {
    const h = host();
    await press(h, "color");
    grow(h);
    const mine = { type: "List" as const, source: "済,未", title: "", message: "" };
    h.sheet(INITIATIVES)!.validations.set("10,6", mine);
    const again = await press(h, "color");
    expect(h.sheet(INITIATIVES)!.validations.get("10,6")).toEqual(mine);
    expect(again.outcome?.applied && again.outcome.skipped).toContainEqual(
      expect.objectContaining({ sheet: INITIATIVES, what: "validation" })
    );
  });
});

describe("4. an oversized read that Excel on the web fails as GeneralException", () => {
  test("the read starts again in chunks and reads the same", async () => {
    const whole = await readWorkbook(host().context());
    const h = host({ payloadLimit: 20_000, oversizedAs: "generalException" });
    // Big enough that a bare GeneralException is taken for its size (over 8,000 cells).
    const wide = emptySheet("大きい表");
    wide.values = Array.from({ length: 900 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => r * 10 + c)
    );
    h.book.sheets.push(wide);
    const chunked = await readWorkbook(h.context(), { chunkCells: 200 });
    expect(chunked.grids.slice(0, whole.grids.length)).toEqual(whole.grids);
    expect(chunked.grids.at(-1)!.cells[899][9]).toBe("8999");
    expect(chunked.large).toBe(true);
  });

  test("a read whose used ranges are too large for one response goes to chunks without being refused first", async () => {
    const cells = 30_000; // reckoned at 180 bytes a cell: over the 4 MB budget
    const h = host({}, (b) => {
      const big = emptySheet("大量");
      big.values = Array.from({ length: cells / 10 }, (_, r) =>
        Array.from({ length: 10 }, () => `r${r}`)
      );
      b.sheets.push(big);
    });
    const snapshot = await readWorkbook(h.context());
    expect(snapshot.large).toBe(true);
    expect(h.largestResponse).toBeLessThan(5 * 1024 * 1024);
    expect(snapshot.grids.find((g) => g.name === "大量")!.cells).toHaveLength(cells / 10);
    // Desktop Excel has no such limit: one response.
    const desktop = await readWorkbook(h.context(), { unlimitedPayload: true });
    expect([desktop.syncs, desktop.large]).toEqual([2, false]);
  });

  test("a small read failing with GeneralException is not mistaken for size: the error reaches the pane", async () => {
    const h = host();
    h.beforeSync = (n) => {
      if (n === 2)
        throw Object.assign(new Error("An internal error has occurred."), {
          code: "GeneralException",
        });
    };
    await expect(readWorkbook(h.context())).rejects.toMatchObject({ code: "GeneralException" });
  });
});

describe("5. threaded comments where notes would go", () => {
  test("the cell with a comment gets no note, everything else is written, and the pane says why", async () => {
    const h = host({}, (b) =>
      b.sheets.find((s) => s.name === INITIATIVES)!.comments.set("G9", "確認中です（課長）")
    );
    const result = await press(h, "color");
    expect(result.outcome).toMatchObject({ applied: true });
    const sheet = h.sheet(INITIATIVES)!;
    expect(sheet.notes.has("G9")).toBe(false);
    expect(sheet.comments.get("G9")).toBe("確認中です（課長）");
    expect(sheet.rules.length).toBeGreaterThan(0);
    expect(result.outcome?.applied && result.outcome.skipped).toContainEqual({
      sheet: INITIATIVES,
      cell: "G9",
      what: "comment",
    });
    expect(outcomeMessage(result, "ja")!.body).toContain("スレッド形式のコメント");
    expect(outcomeMessage(result, "en")!.body).toContain("threaded comment");
    // The same read and write syncs as without comments.
    expect(result.syncs).toBe(4);
  });
});

describe("6. summary values into a template with merged cells", () => {
  test("only each merged area's top-left cell is written; a value that would fall under a merge is reported", async () => {
    const h = host({}, (b) =>
      b.sheets.find((s) => s.name === TALLY)!.merges.push(rangeBounds("C3:C4"))
    );
    const result = await press(h, "summary");
    expect(result.outcome?.applied).toBe(true);
    expect(h.coveredWrites).toEqual([]);
    const tally = h.sheet(TALLY)!.values;
    expect(tally[2].slice(0, 4)).toEqual(["経営課題1", expect.any(String), 5, 1]);
    expect(tally[3][3]).toBe(4); // 経営課題6's 未達成, beside the hidden cell
    expect(result.outcome?.applied && result.outcome.skipped).toContainEqual({
      sheet: TALLY,
      cell: "C4",
      what: "merged",
    });
    expect(outcomeMessage(result, "ja")!.body).toContain("結合セル");
  });
});

describe("7. smaller limits", () => {
  test("a created sheet's name stays within 31 characters when the plain and first marked names are taken", async () => {
    const long = "自己評価における業績目標の達成状況の集計表（区政運営方針）"; // 29 characters
    const profile: Profile = {
      ...defaultProfile,
      summary: { ...defaultProfile.summary, tallySheetName: long },
    };
    const h = host({}, (b) => {
      // No tally template to fill: Hyoka creates its tally sheet, and both names it would try first are taken.
      b.sheets = b.sheets.filter((s) => s.name !== TALLY);
      b.sheets.push(emptySheet(long));
      b.sheets.push(emptySheet(`${long.slice(0, 24)}（Hyoka）`));
    });
    const result = await press(h, "summary", profile);
    expect(result.outcome?.applied).toBe(true);
    const created = h.book.sheets.map((s) => s.name).filter((n) => n.includes("（Hyoka2）"));
    expect(created).toHaveLength(1);
    expect(created[0].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  test("a finding on a hidden sheet is not selected, the sheet stays hidden, and the caller is told", async () => {
    const h = host(
      {},
      (b) => (b.sheets.find((s) => s.name === INITIATIVES)!.visibility = "Hidden")
    );
    const run = h.run.bind(h) as Parameters<typeof selectCell>[0];
    expect(await selectCell(run, INITIATIVES, "G9")).toBe("hidden");
    expect([h.activeSheet, h.selection]).toEqual([null, null]);
    expect(h.sheet(INITIATIVES)!.visibility).toBe("Hidden");
    expect(await selectCell(run, "6 具体的取組", "G5")).toBe("selected");
  });

  test.each(["InvalidOperation", "InvalidOperationInCellEditMode"] as const)(
    "a batch refused with %s while a cell is edited says to finish editing",
    async (code) => {
      const h = host({ cellEditError: code });
      h.editing = true;
      const error = await h.run(async (c) => readWorkbook(c)).catch((e: unknown) => e);
      expect((error as { code: string }).code).toBe(code);
      expect(describeError(error).ja).toContain("編集中");
      expect(describeError(error).en).toContain("editing a cell");
    }
  );
});
