import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readGrids } from "../helpers/excelJsGrids";
import { SAMPLE } from "../helpers/seed";

const INITIATIVES = "1 具体的取組";
let dir: string;
let original: string;

/** Every cell a person typed: its value (formula, result, rich text) and number format, by sheet and address. */
async function typed(file: string, sheets?: string[]): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, string> = {};
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        out[`${ws.name}!${cell.address}`] = JSON.stringify([cell.value, cell.numFmt ?? null]);
      })
    );
  }
  return out;
}

/** Everything a run adds or keeps: values, conditional formats, validations, notes, sheets. */
async function state(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    state: ws.state,
    grid: readGrids(wb).find((g) => g.name === ws.name)?.cells,
    cf: JSON.stringify((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings),
    dv: JSON.stringify(
      Object.entries((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model)
        .filter(([, v]) => v)
        .sort()
    ),
    notes: (() => {
      const notes: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => c.note && notes.push(`${c.address}:${JSON.stringify(c.note)}`)));
      return notes;
    })(),
  }));
}

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join("\n") };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-keep-"));
  // The sample plus what people add: a formula, a person's note, a person's dropdown, a person's color rule.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet(INITIATIVES)!;
  ws.getCell("L5").value = { formula: "COUNTIF(G5:G10,\"①*\")", result: 5 };
  ws.getCell("B6").note = "担当: 山田（内線 123）";
  ws.getCell("I5").dataValidation = { type: "list", allowBlank: true, formulae: ['"済,未"'] };
  ws.addConditionalFormatting({
    ref: "C5:C10",
    rules: [{ type: "containsText", operator: "containsText", text: "美化", priority: 1, style: { font: { bold: true } } }],
  });
  original = path.join(dir, "original.xlsx");
  await wb.xlsx.writeFile(original);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("nothing a person typed is lost", () => {
  test("check --out: every value and formula of every original sheet is unchanged", async () => {
    const out = path.join(dir, "checked.xlsx");
    expect((await run("check", original, "--out", out)).code).toBe(0);
    const before = await typed(original);
    const after = await typed(out, Object.keys(before).map((k) => k.split("!")[0]));
    for (const [cell, value] of Object.entries(before)) expect({ cell, value: after[cell] }).toEqual({ cell, value });
    expect(Object.keys(before).length).toBeGreaterThan(100);
  });

  test("clear on the checked copy gives back the original workbook: values, formats, validations and notes", async () => {
    const checked = path.join(dir, "checked.xlsx");
    const cleared = path.join(dir, "cleared.xlsx");
    expect((await run("clear", checked, "--out", cleared)).code).toBe(0);
    expect(await state(cleared)).toEqual(await state(original));
  });

  test("check --in-place writes through a temporary file and keeps a byte-for-byte backup", async () => {
    const file = path.join(dir, "inplace.xlsx");
    await fs.copyFile(original, file);
    const r = await run("check", file, "--in-place");
    expect(r.code).toBe(0);
    const backup = /元のファイルの控え: (.+)$/m.exec(r.out)![1];
    expect(path.dirname(backup)).toBe(dir);
    expect(Buffer.compare(await fs.readFile(backup), await fs.readFile(original))).toBe(0);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const before = await typed(original);
    const after = await typed(file);
    for (const [cell, value] of Object.entries(before)) expect({ cell, value: after[cell] }).toEqual({ cell, value });
  });

  test("running twice gives the same workbook as running once", async () => {
    const file = path.join(dir, "twice.xlsx");
    await fs.copyFile(original, file);
    await run("check", file, "--in-place");
    const once = await state(file);
    await run("check", file, "--in-place");
    expect(await state(file)).toEqual(once);
  });

  test("clear --in-place restores the original and keeps a backup of the checked file", async () => {
    const file = path.join(dir, "restore.xlsx");
    await run("check", original, "--out", file);
    const r = await run("clear", file, "--in-place");
    expect(r.code).toBe(0);
    expect(await state(file)).toEqual(await state(original));
  });

  test("--in-place cannot be combined with --out, nor used on a folder", async () => {
    expect((await run("check", original, "--in-place", "--out", path.join(dir, "x.xlsx"))).code).toBe(2);
    expect((await run("check", dir, "--in-place")).out).toContain("--in-place works on one file");
  });
});
