import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { loadBook } from "../../src/xlsx/files";
import { partsOf } from "../helpers/parts";
import { SAMPLE } from "../helpers/seed";

/**
 * checked-by-exceljs-hyoka.xlsx is the sample as the ExcelJS-based Hyoka wrote it with `check --out` (its own
 * part names, comments parts, styles and _hyoka). Workbooks people already checked must clear and re-check.
 */
const OLD = path.join(__dirname, "..", "fixtures", "checked-by-exceljs-hyoka.xlsx");
const quiet = { out: () => undefined, err: () => undefined };
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-upgrade-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

function marks(parts: Map<string, Buffer>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, data] of parts) {
    if (name === "docProps/app.xml") continue; // ExcelJS listed _hyoka among the titles; nothing reads it
    const n = (data.toString("utf8").match(/hyoka/gi) ?? []).length;
    if (n > 0) out[name] = n;
  }
  return out;
}

describe("a workbook checked by the ExcelJS-based Hyoka", () => {
  test("clear removes everything it added: the sample's grids come back and no mark is left", async () => {
    const cleared = path.join(dir, "cleared.xlsx");
    expect(await main(["clear", OLD, "--out", cleared], quiet)).toBe(0);
    expect((await loadBook(cleared)).grids).toEqual((await loadBook(SAMPLE)).grids);
    expect(marks(await partsOf(cleared))).toEqual({});
  });

  test("check again replaces its additions instead of stacking: the same marks as checking the original", async () => {
    const again = path.join(dir, "again.xlsx");
    const fresh = path.join(dir, "fresh.xlsx");
    expect(await main(["check", OLD, "--out", again], quiet)).toBe(0);
    expect(await main(["check", SAMPLE, "--out", fresh], quiet)).toBe(0);
    expect((await loadBook(again)).grids).toEqual((await loadBook(fresh)).grids);
    const count = (parts: Map<string, Buffer>) =>
      [...parts].filter(([n]) => /^xl\/worksheets\/sheet\d\.xml$/.test(n)).map(([n, d]) => [n, (d.toString("utf8").match(/<cfRule /g) ?? []).length, (d.toString("utf8").match(/errorTitle="Hyoka"/g) ?? []).length]);
    expect(count(await partsOf(again))).toEqual(count(await partsOf(fresh)));
  });
});
