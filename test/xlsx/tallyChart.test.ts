import { execFileSync } from "child_process";
import { promises as fs, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { SaxesParser } from "saxes";
import { main } from "../../src/cli/main";
import { loadBook } from "../../src/xlsx/files";
import { readMeta } from "../../src/core/meta";
import { rangeBounds } from "../../src/core/grid";
import { TALLY_CHART_NAME } from "../../src/core/plan";
import { diffParts, partsOf } from "../helpers/parts";
import { makeZip, readZip, type ZipEntry } from "../helpers/zip";

/**
 * The `--out` workbook carries the tally chart the Office adapter draws: a DrawingML chart part referring to the
 * tally cells, anchored in the tally sheet's drawing. Inputs: the sample as Excel saved it, and rich.xlsx
 * (XlsxWriter) with its own drawing — a picture and a chart of the person's — moved onto the tally sheet.
 */
const FIXTURES = path.join(__dirname, "..", "fixtures");
const TALLY = "業績目標の達成状況";
const quiet = { out: () => undefined, err: () => undefined };
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hyoka-chart-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

function text(parts: Map<string, Buffer>, name: string): string {
  return parts.get(name)!.toString("utf8");
}

/** Relationship targets of a rels part, resolved to part names. */
function targets(parts: Map<string, Buffer>, source: string): Map<string, { type: string; part: string }> {
  const slash = source.lastIndexOf("/");
  const rels = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; part: string }>();
  if (!parts.has(rels)) return out;
  for (const m of text(parts, rels).matchAll(/<Relationship ([^>]*)\/>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? "";
    if (attr("TargetMode") === "External") continue;
    const resolved: string[] = source.split("/").slice(0, -1);
    for (const s of attr("Target").split("/")) (s === ".." ? resolved.pop() : resolved.push(s));
    out.set(attr("Id"), { type: attr("Type").split("/").pop()!, part: resolved.join("/") });
  }
  return out;
}

/** Every relationship target exists and every part has a content type (a check of the test's own). */
function packageProblems(parts: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const types = text(parts, "[Content_Types].xml");
  const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase());
  const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]);
  for (const name of parts.keys()) {
    if (name.endsWith("/") || name === "[Content_Types].xml") continue;
    if (!overrides.includes(name) && !defaults.includes(name.slice(name.lastIndexOf(".") + 1).toLowerCase()))
      problems.push(`no content type: ${name}`);
    if (name.endsWith(".rels")) continue;
    for (const [id, t] of targets(parts, name))
      if (!parts.has(t.part)) problems.push(`${name} ${id} points at a missing part ${t.part}`);
  }
  for (const o of overrides) if (!parts.has(o)) problems.push(`content type for a missing part: ${o}`);
  return problems;
}

function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** The tally sheet's part, its drawing part and Hyoka's chart part in a package. */
async function chartParts(file: string) {
  const parts = await partsOf(file);
  const book = await loadBook(file);
  const sheet = book.info.sheets.find((s) => s.name === TALLY)!;
  const drawing = [...targets(parts, sheet.part).values()].find((t) => t.type === "drawing")!;
  const drawingXml = text(parts, drawing.part);
  const anchor = [...drawingXml.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)]
    .map((m) => m[0])
    .find((a) => a.includes(`name="${TALLY_CHART_NAME}"`))!;
  const chartId = /r:id="([^"]+)"/.exec(anchor)![1];
  const chart = targets(parts, drawing.part).get(chartId)!;
  return { parts, book, sheet, drawing: drawing.part, drawingXml, anchor, chartPart: chart.part, chartXml: text(parts, chart.part) };
}

/** rich.xlsx with its drawing (a picture and the person's chart, on グラフ用データ) moved onto the tally sheet. */
async function personsDrawingOnTally(): Promise<string> {
  const entries = readZip(await fs.readFile(path.join(FIXTURES, "rich.xlsx")));
  const get = (n: string) => entries.find((e) => e.name === n)!;
  const edit = (n: string, f: (s: string) => string) => {
    const e = get(n);
    e.data = Buffer.from(f(e.data.toString("utf8")), "utf8");
  };
  const REL = 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"';
  // グラフ用データ (sheet7) gives its drawing up; 業績目標の達成状況 (sheet5) takes it, before its legacyDrawing.
  edit("xl/worksheets/sheet7.xml", (s) => s.replace(/<drawing r:id="rId1"\/>/, ""));
  edit("xl/worksheets/_rels/sheet7.xml.rels", (s) => s.replace(`<Relationship Id="rId1" ${REL}/>`, ""));
  edit("xl/worksheets/sheet5.xml", (s) => s.replace("<legacyDrawing ", '<drawing r:id="rId9"/><legacyDrawing '));
  edit("xl/worksheets/_rels/sheet5.xml.rels", (s) =>
    s.replace("</Relationships>", `<Relationship Id="rId9" ${REL}/></Relationships>`)
  );
  expect(get("xl/worksheets/sheet5.xml").data.toString()).toContain('<drawing r:id="rId9"/>');
  expect(get("xl/worksheets/sheet7.xml").data.toString()).not.toContain("<drawing ");
  const file = path.join(dir, "in", "persons-drawing.xlsx");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, makeZip(entries.map((e) => ({ name: e.name, data: e.data }))));
  return file;
}

describe("check --out draws the tally chart in the file", () => {
  test("a stacked bar chart of 達成 / 未達成 per 経営課題, referring to the tally cells and caching their values", async () => {
    const out = path.join(dir, "sample.xlsx");
    expect(await main(["check", path.join(FIXTURES, "minato-h28.xlsx"), "--out", out], quiet)).toBeLessThan(2);
    const { parts, book, chartPart, chartXml, anchor } = await chartParts(out);
    expect(packageProblems(parts)).toEqual([]);
    wellFormed(chartXml);
    expect(chartPart).toMatch(/^xl\/charts\/chart\d+\.xml$/);
    expect(text(parts, "[Content_Types].xml")).toContain(
      `<Override PartName="/${chartPart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
    );
    // The elements CT_BarChart orders: barDir, grouping, varyColors, ser…, gapWidth, overlap, axId, axId.
    expect(chartXml).toMatch(
      /<c:barChart><c:barDir val="bar"\/><c:grouping val="stacked"\/><c:varyColors val="0"\/>(<c:ser>[\s\S]*?<\/c:ser>){2}<c:gapWidth val="\d+"\/><c:overlap val="100"\/><c:axId val="\d+"\/><c:axId val="\d+"\/><\/c:barChart>/
    );
    const meta = readMeta(book.grids).charts;
    expect(meta).toHaveLength(1);
    const tally = book.grids.find((g) => g.name === TALLY)!;
    const column = (range: string) => {
      const b = rangeBounds(range);
      return tally.cells.slice(b.top, b.bottom + 1).map((r) => r[b.left]);
    };
    const series = [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]);
    expect(series.map((s) => /<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(s)![1])).toEqual(["達成", "未達成"]);
    series.forEach((s, i) => {
      const ref = /<c:val><c:numRef><c:f>([^<]*)<\/c:f>/.exec(s)![1];
      expect(ref).toBe(`'${TALLY}'!$${meta[0].series[i].values.replace(/([A-Z]+)(\d+):([A-Z]+)(\d+)/, "$1$$$2:$$$3$$$4")}`);
      const cached = [.../<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(s)![1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
      expect(cached).toEqual(column(meta[0].series[i].values));
      const categories = [.../<c:strCache>([\s\S]*?)<\/c:strCache>/.exec(s)![1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
      expect(categories).toEqual(column(meta[0].categories));
    });
    expect(column(meta[0].categories)).toEqual(["経営課題1", "経営課題6"]);
    // Anchored from the cell the plan placed it at.
    const from = /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/.exec(anchor)!;
    const at = rangeBounds(meta[0].from);
    expect([Number(from[1]), Number(from[2])]).toEqual([at.left, at.top]);
  });

  test("a person's drawing on the tally sheet keeps its picture and chart; twice equals once; clear gives every part back", async () => {
    const input = await personsDrawingOnTally();
    const out = path.join(dir, "persons.xlsx");
    expect(await main(["check", input, "--out", out], quiet)).toBeLessThan(2);
    const before = await partsOf(input);
    const { parts, drawing, drawingXml, chartPart } = await chartParts(out);
    expect(drawing).toBe("xl/drawings/drawing1.xml"); // the person's own drawing, not a second one
    expect(packageProblems(parts)).toEqual([]);
    wellFormed(drawingXml);
    // The person's anchors are still there, unchanged, and their chart part too.
    const original = text(before, drawing);
    const theirs = original.match(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)!;
    expect(theirs).toHaveLength(2);
    for (const a of theirs) expect(drawingXml).toContain(a);
    expect(parts.get("xl/charts/chart1.xml")!.equals(before.get("xl/charts/chart1.xml")!)).toBe(true);
    expect(chartPart).not.toBe("xl/charts/chart1.xml");
    // Hyoka's anchor takes a shape id no other shape has.
    const ids = [...drawingXml.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);

    const twice = path.join(dir, "persons-twice.xlsx");
    expect(await main(["check", out, "--out", twice], quiet)).toBeLessThan(2);
    const again = diffParts(parts, await partsOf(twice));
    expect([again.edited, again.lost, again.added]).toEqual([[], [], []]);

    const cleared = path.join(dir, "persons-cleared.xlsx");
    expect(await main(["clear", out, "--out", cleared], quiet)).toBe(0);
    const back = diffParts(before, await partsOf(cleared));
    expect([back.edited, back.lost, back.added]).toEqual([[], [], []]);
  });

  test("a chart Excel saved with its style and colour parts: clear takes those too, and leaves no part pointing nowhere", async () => {
    const out = path.join(dir, "sample.xlsx");
    const { chartPart } = await chartParts(out);
    const entries: ZipEntry[] = readZip(await fs.readFile(out)).map((e) => ({ name: e.name, data: e.data }));
    const slash = chartPart.lastIndexOf("/");
    const rels = `${chartPart.slice(0, slash + 1)}_rels/${chartPart.slice(slash + 1)}.rels`;
    // As Excel writes them when it saves a chart (relationship types and content types of Office 2013 and later).
    const MS = "http://schemas.microsoft.com/office/2011/relationships";
    entries.push(
      { name: "xl/charts/style1.xml", data: Buffer.from('<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>') },
      { name: "xl/charts/colors1.xml", data: Buffer.from('<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>') },
      {
        name: rels,
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${MS}/chartColorStyle" Target="colors1.xml"/><Relationship Id="rId1" Type="${MS}/chartStyle" Target="style1.xml"/></Relationships>`
        ),
      }
    );
    const types = entries.find((e) => e.name === "[Content_Types].xml")!;
    types.data = Buffer.from(
      types.data
        .toString("utf8")
        .replace(
          "</Types>",
          '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors1.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>'
        )
    );
    const saved = path.join(dir, "saved-with-styles.xlsx");
    await fs.writeFile(saved, makeZip(entries));
    expect(packageProblems(await partsOf(saved))).toEqual([]);
    const cleared = path.join(dir, "saved-with-styles-cleared.xlsx");
    expect(await main(["clear", saved, "--out", cleared], quiet)).toBe(0);
    const parts = await partsOf(cleared);
    expect([...parts.keys()].filter((n) => n.startsWith("xl/charts/"))).toEqual([]);
    expect(packageProblems(parts)).toEqual([]);
    const back = diffParts(await partsOf(path.join(FIXTURES, "minato-h28.xlsx")), parts);
    expect([back.edited, back.lost, back.added]).toEqual([[], [], []]);
  });

  test("LibreOffice opens both workbooks with the chart", () => {
    const pdfs = path.join(dir, "pdf");
    const files = [path.join(dir, "sample.xlsx"), path.join(dir, "persons.xlsx")];
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", pdfs, ...files],
      { stdio: "ignore", timeout: 240_000 }
    );
    for (const f of files) {
      const pdf = path.join(pdfs, `${path.basename(f, ".xlsx")}.pdf`);
      expect([pdf, statSync(pdf).size > 1000]).toEqual([pdf, true]);
    }
  }, 300_000);
});
