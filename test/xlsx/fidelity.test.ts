import { execFileSync } from "child_process";
import { promises as fs, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { loadBook } from "../../src/xlsx/files";
import { rangeBounds } from "../../src/core/grid";
import { readMeta } from "../../src/core/meta";
import { diffParts, partsOf } from "../helpers/parts";
import { bigBook, edgeBook, EDGE_CELLS } from "../helpers/edgeBooks";
import { SAMPLE } from "../helpers/seed";
import { FIXTURE_BOOKS } from "../helpers/xlsxFiles";

/**
 * Workbooks written by other tools (XlsxWriter, LibreOffice-style parts, openpyxl-style extLst; see
 * test/fixtures/*.xlsx|xlsm) and edge workbooks built here, through check --out, --in-place and clear:
 * nothing lost, only Hyoka's elements differ, twice is once, clear gives every part back byte for byte,
 * the package is valid and LibreOffice opens what Hyoka wrote.
 */
const FIXTURES = path.join(__dirname, "..", "fixtures");
const quiet = { out: () => undefined, err: () => undefined };
let dir: string;
const books: Record<string, string> = {};

async function run(...args: string[]): Promise<number> {
  return main(args, quiet);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-fidelity-"));
  for (const f of FIXTURE_BOOKS) books[f] = path.join(FIXTURES, f);
  const title = (await loadBook(SAMPLE)).grids.find((g) => g.name === "1 具体的取組")!.cells[4][1];
  books["edges.xlsx"] = await edgeBook(SAMPLE, path.join(dir, "in", "edges.xlsx"), title);
  books["rows100000.xlsx"] = await bigBook(SAMPLE, path.join(dir, "in", "rows100000.xlsx"), 100_000);
}, 60_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** Every relationship points at a part that exists; every part has a content type. */
async function packageProblems(file: string): Promise<string[]> {
  const parts = await partsOf(file);
  const problems: string[] = [];
  const types = parts.get("[Content_Types].xml")!.toString("utf8");
  const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase());
  const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
  for (const name of parts.keys()) {
    if (name.endsWith("/") || name === "[Content_Types].xml") continue;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.includes(name) && !defaults.includes(ext)) problems.push(`no content type: ${name}`);
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
    if (!m) continue;
    const folder = m[1];
    for (const r of parts.get(name)!.toString("utf8").matchAll(/<Relationship [^>]*>/g)) {
      if (/TargetMode="External"/.test(r[0])) continue;
      const target = /Target="([^"]+)"/.exec(r[0])![1];
      const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
      const resolved: string[] = [];
      for (const s of segments) (s === ".." ? resolved.pop() : s !== "." && resolved.push(s));
      if (!parts.has(resolved.join("/"))) problems.push(`${name} points at a missing part: ${target}`);
    }
  }
  return problems;
}

/** A sheet part's <sheetData>, and its cells by reference. */
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1], m[0]);
  return out;
}

function inRanges(ref: string, ranges: string[]): boolean {
  const { top: row, left: col } = rangeBounds(ref);
  return ranges.some((r) => {
    const b = rangeBounds(r);
    return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
  });
}

/** The fixture books (FIXTURE_BOOKS) and the two built at the edges in beforeAll. */
const NAMES = [...FIXTURE_BOOKS, "edges.xlsx", "rows100000.xlsx"];

describe.each(NAMES)("%s", (name) => {
  const ext = path.extname(name);
  const out = () => path.join(dir, "out", name);

  test("check --out: no part lost; parts outside Hyoka's reach byte-equal; every cell value and formula kept", async () => {
    expect(await run("check", books[name], "--out", out())).toBeLessThan(2);
    const before = await partsOf(books[name]);
    const after = await partsOf(out());
    const diff = diffParts(before, after);
    expect(diff.lost).toEqual([]);
    // Hyoka edits only these kinds of parts.
    for (const part of diff.edited)
      expect(part).toMatch(/^\[Content_Types\]\.xml$|^xl\/workbook\.xml$|^xl\/_rels\/workbook\.xml\.rels$|^xl\/styles\.xml$|^xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$|^xl\/comments\d*\.xml$|^xl\/drawings\/vmlDrawing\d+\.vml$/);
    const book = await loadBook(out());
    const written = readMeta(book.grids).written;
    for (const sheet of (await loadBook(books[name])).info.sheets) {
      const mine = written.filter((w) => w.sheet === sheet.name).map((w) => w.range);
      const a = cellsOf(before.get(sheet.part)!.toString("utf8"));
      const b = cellsOf(after.get(sheet.part)!.toString("utf8"));
      for (const [ref, xml] of a) if (!inRanges(ref, mine)) expect([sheet.name, ref, b.get(ref)]).toEqual([sheet.name, ref, xml]);
    }
    expect(await packageProblems(out())).toEqual([]);
    if (ext === ".xlsm") {
      expect(after.get("xl/vbaProject.bin")!.equals(before.get("xl/vbaProject.bin")!)).toBe(true);
      expect(after.get("[Content_Types].xml")!.toString()).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    }
  }, 120_000);

  test("twice equals once; clear gives back every part byte for byte", async () => {
    const twice = path.join(dir, "twice", name);
    expect(await run("check", out(), "--out", twice)).toBeLessThan(2);
    const once = await partsOf(out());
    const again = diffParts(once, await partsOf(twice));
    expect([again.edited, again.lost, again.added]).toEqual([[], [], []]);
    const cleared = path.join(dir, "cleared", name);
    expect(await run("clear", out(), "--out", cleared)).toBe(0);
    const back = diffParts(await partsOf(books[name]), await partsOf(cleared));
    expect([back.edited, back.lost, back.added]).toEqual([[], [], []]);
    expect(await packageProblems(cleared)).toEqual([]);
  }, 120_000);

  test("--in-place writes what --out writes and keeps the input as its backup; clear --in-place restores it", async () => {
    const file = path.join(dir, "inplace", name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.copyFile(books[name], file);
    const lines: string[] = [];
    expect(await main(["check", file, "--in-place"], { out: (t) => lines.push(t), err: () => undefined })).toBeLessThan(2);
    const backup = /元のファイルの控え: (.+)$/m.exec(lines.join("\n"))![1];
    expect(path.extname(backup)).toBe(ext);
    expect((await fs.readFile(backup)).equals(await fs.readFile(books[name]))).toBe(true);
    const same = diffParts(await partsOf(out()), await partsOf(file));
    expect([same.edited, same.lost, same.added]).toEqual([[], [], []]);
    expect(await run("clear", file, "--in-place")).toBe(0);
    const back = diffParts(await partsOf(books[name]), await partsOf(file));
    expect([back.edited, back.lost, back.added]).toEqual([[], [], []]);
  }, 120_000);
});

describe("edge cells read as a person sees them", () => {
  test("shared and array formulas, an error, a 1904 date, furigana kept out of the text and the values after it", async () => {
    const grid = (await loadBook(books["edges.xlsx"])).grids.find((g) => g.name === "計算")!;
    expect(grid.cells.map((r) => r[0])).toEqual(EDGE_CELLS.sharedFormula);
    expect(grid.cells[0].slice(1)).toEqual([
      EDGE_CELLS.arrayFormula,
      EDGE_CELLS.error,
      EDGE_CELLS.date1904,
      EDGE_CELLS.inlineWithFurigana,
      EDGE_CELLS.afterFurigana,
    ]);
  });

  test("a status sheet's inline string with furigana reads as the shared string it replaced: the check is the same", async () => {
    const plain = (await loadBook(SAMPLE)).grids.find((g) => g.name === "1 具体的取組")!;
    const edged = (await loadBook(books["edges.xlsx"])).grids.find((g) => g.name === "1 具体的取組")!;
    expect(edged.cells).toEqual(plain.cells);
  });

  test("the 100,000-row sheet reads whole", async () => {
    const grid = (await loadBook(books["rows100000.xlsx"])).grids.find((g) => g.name === "大量")!;
    expect(grid.cells).toHaveLength(100_000);
    expect(grid.cells[99_999]).toEqual(["100000", "200000"]);
  });
});

describe("LibreOffice opens every workbook Hyoka wrote", () => {
  test("soffice --headless --convert-to pdf succeeds on each check --out copy", async () => {
    // The 100,000-row sheet would print to thousands of pages; the other six cover every kind of part.
    const outs = NAMES.filter((n) => n !== "rows100000.xlsx").map((n) => path.join(dir, "lo", n));
    for (const [i, o] of outs.entries()) expect(await run("check", books[NAMES[i]], "--out", o)).toBeLessThan(2);
    const pdfs = path.join(dir, "pdf");
    execFileSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", pdfs, ...outs], {
      stdio: "ignore",
      timeout: 240_000,
    });
    for (const o of outs) {
      const pdf = path.join(pdfs, `${path.basename(o, path.extname(o))}.pdf`);
      expect([pdf, statSync(pdf).size > 1000]).toEqual([pdf, true]);
    }
  }, 300_000);
});

describe("a person's content stays theirs", () => {
  async function checked(name: string): Promise<{ parts: Map<string, Buffer>; said: string }> {
    const lines: string[] = [];
    const file = path.join(dir, "own", name);
    await main(["check", books[name], "--out", file], { out: (t) => lines.push(t), err: () => undefined });
    return { parts: await partsOf(file), said: lines.join("\n") };
  }

  test("x14 list validations (only in the sheet's extLst) keep their cells: Hyoka adds no dropdown there", async () => {
    const { parts, said } = await checked("x14.xlsx");
    const sheet = parts.get("xl/worksheets/sheet2.xml")!.toString("utf8");
    const mine = [...sheet.matchAll(/<dataValidation [^>]*errorTitle="Hyoka"[^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    for (const sqref of mine)
      for (const ref of sqref.split(" ")) expect([ref, inRanges(ref.split(":")[0], ["G5:G10", "H5:H10"])]).toEqual([ref, false]);
    expect(said).toContain("1 具体的取組!H8: 既存の入力規則があるため変更していません");
    expect(sheet).toContain("<xm:sqref>H5:H10</xm:sqref>");
  });

  test("cells with a person's note or a threaded comment get no note from Hyoka", async () => {
    const { parts, said } = await checked("notes.xlsx");
    const comments = parts.get("xl/comments1.xml")!.toString("utf8");
    const hyoka = [...comments.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*><text><r><t xml:space="preserve">\[Hyoka\]/g)].map((m) => m[1]);
    for (const cell of ["G5", "G9", "H9"]) expect(hyoka).not.toContain(cell);
    expect(said).toContain("1 具体的取組!G9: 既存のメモがあるため変更していません");
    expect(comments).toContain("課長確認: 協力企業数は目標未達のため②(i)ではないか。要再検討");
  });
});
