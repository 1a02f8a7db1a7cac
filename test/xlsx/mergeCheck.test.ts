import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import * as path from "path";
import fc from "fast-check";
import { useLinearMergeCheck } from "../../src/xlsx/mergeCheck";
import { loadWorkbook } from "../../src/xlsx/files";
import { mergesOf } from "../../src/xlsx/readGrids";
import { SAMPLE } from "../helpers/seed";

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

const rect = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.nat(3), fc.nat(2))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

beforeAll(() => useLinearMergeCheck());

describe("ExcelJS merges with the linear overlap check", () => {
  test("a merge is refused exactly when it overlaps an earlier one, as rectangles say", () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 12 }), (rects) => {
        const ws = new ExcelJS.Workbook().addWorksheet("s");
        const accepted: Rect[] = [];
        for (const r of rects) {
          const expectRefusal = accepted.some((a) => overlaps(a, r));
          let refused = false;
          try {
            ws.mergeCells(r.top, r.left, r.bottom, r.right);
          } catch (e) {
            expect((e as Error).message).toBe("Cannot merge already merged cells");
            refused = true;
          }
          expect(refused).toBe(expectRefusal);
          if (!refused) accepted.push(r);
        }
        const merges = mergesOf(ws).map((m) => ({
          top: m.top + 1,
          left: m.left + 1,
          bottom: m.bottom + 1,
          right: m.right + 1,
        }));
        expect(merges).toEqual(accepted);
      })
    );
  });

  test("a one-cell merge counts: merging over it is refused", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("s");
    ws.mergeCells("B2:B2");
    expect(() => ws.mergeCells("A1:C3")).toThrow("Cannot merge already merged cells");
    ws.mergeCells("D4:E5");
    expect(ws.getCell("E5").isMerged).toBe(true);
    expect(ws.getCell("E5").master.address).toBe("D4");
  });

  test("the sample loads with the merges ExcelJS's own check gives, and covered cells point at their masters", async () => {
    // ExcelJS without the replacement, in a process of its own, is the reference.
    const script = `const E=require("exceljs");const w=new E.Workbook();w.xlsx.readFile(${JSON.stringify(SAMPLE)}).then(()=>process.stdout.write(JSON.stringify(w.worksheets.map(s=>s.model.merges))))`;
    const child = spawnSync(process.execPath, ["-e", script], {
      cwd: path.resolve(__dirname, "../.."),
      encoding: "utf8",
    });
    expect(child.status).toBe(0);
    const reference = JSON.parse(child.stdout) as string[][];
    const wb = await loadWorkbook(SAMPLE);
    expect(wb.worksheets.map((ws) => (ws.model as { merges?: string[] }).merges)).toEqual(
      reference
    );
    expect(reference.flat().length).toBeGreaterThan(10);
    for (const ws of wb.worksheets) {
      for (const m of mergesOf(ws)) {
        const master = ws.getCell(m.top + 1, m.left + 1);
        expect(ws.getCell(m.bottom + 1, m.right + 1).master.address).toBe(master.address);
      }
    }
  });
});
