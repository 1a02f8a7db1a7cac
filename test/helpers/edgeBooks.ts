import { promises as fs } from "fs";
import * as path from "path";
import { makeZip, readZip } from "./zip";

/**
 * Workbooks at the edges, built here from the sample's own parts with hand-written XML (so no library's writer
 * decides what they hold): what real workbooks carry and ExcelJS-era Hyoka lost or choked on.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

type Parts = Map<string, Buffer>;

async function sampleParts(sample: string): Promise<Parts> {
  return new Map(readZip(await fs.readFile(sample)).map((e) => [e.name, e.data]));
}

function edit(parts: Parts, name: string, change: (xml: string) => string): void {
  const before = parts.get(name)!.toString("utf8");
  const after = change(before);
  if (after === before) throw new Error(`edit of ${name} changed nothing`);
  parts.set(name, Buffer.from(after, "utf8"));
}

function put(parts: Parts, name: string, xml: string): void {
  parts.set(name, Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`, "utf8"));
}

/** A new worksheet named `name` in part `part`, related from the workbook as `relId`, at the end of the tabs. */
function addSheet(parts: Parts, name: string, part: string, relId: string, sheetXml: string): void {
  put(parts, part, sheetXml);
  const sheetId = /sheet(\d+)\.xml$/.exec(part)![1];
  edit(parts, "xl/workbook.xml", (x) =>
    x.replace("</sheets>", `<sheet sheetId="${sheetId}" name="${name}" state="visible" r:id="${relId}"/></sheets>`)
  );
  edit(parts, "xl/_rels/workbook.xml.rels", (x) =>
    x.replace("</Relationships>", `<Relationship Id="${relId}" Type="${REL}/worksheet" Target="${part.replace("xl/", "")}"/></Relationships>`)
  );
  override(parts, part, `${CT}.worksheet+xml`);
}

function override(parts: Parts, part: string, type: string): void {
  edit(parts, "[Content_Types].xml", (x) => x.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
}

async function write(parts: Parts, file: string): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, makeZip([...parts].map(([name, data]) => ({ name, data }))));
  return file;
}

/** The 計算 sheet's cells: shared and array formulas, an error, a 1904 date, furigana in an inline string. */
export const EDGE_CELLS = {
  sharedFormula: ["2", "4", "6"],
  arrayFormula: "12",
  error: "#DIV/0!",
  date1904: "1904-01-02",
  inlineWithFurigana: "港区",
  afterFurigana: "5",
};

/**
 * The sample with: the 1904 date system; a status-sheet cell as an inline string with a phonetic run; an x14
 * conditional format whose formula refers to another sheet; a sheet 計算 with shared and array formulas, an error
 * value, a date and an inline string with furigana followed by a number; a pivot table on 計算 with its cache.
 */
export async function edgeBook(sample: string, file: string, statusText: string): Promise<string> {
  const parts = await sampleParts(sample);
  edit(parts, "xl/workbook.xml", (x) =>
    x.replace("<workbookPr ", '<workbookPr date1904="1" ').replace("</workbook>", `<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache"/></pivotCaches></workbook>`)
  );
  // A date style: built-in format 14 appended to cellXfs.
  let dateStyle = 0;
  edit(parts, "xl/styles.xml", (x) =>
    x.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_, n: string, inner: string) => {
      dateStyle = Number(n);
      return `<cellXfs count="${dateStyle + 1}">${inner}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`;
    })
  );
  // 1 具体的取組!B5 (an initiative's title) as an inline string whose furigana must not join its text.
  edit(parts, "xl/worksheets/sheet2.xml", (x) =>
    x
      .replace(/<c r="B5" s="2" t="s"><v>\d+<\/v><\/c>/, `<c r="B5" s="2" t="inlineStr"><is><t>${statusText}</t><rPh sb="0" eb="1"><t>ミナト</t></rPh><phoneticPr fontId="0" type="Hiragana"/></is></c>`)
      .replace(
        "</worksheet>",
        `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
          `<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
          `<x14:cfRule type="expression" priority="1" id="{5A2B1C3D-0000-4000-8000-000000000001}"><xm:f>$G5='計算'!$A$1</xm:f>` +
          `<x14:dxf><font><b/></font></x14:dxf></x14:cfRule><xm:sqref>G5:G10</xm:sqref></x14:conditionalFormatting>` +
          `</x14:conditionalFormattings></ext></extLst></worksheet>`
      )
  );
  addSheet(
    parts,
    "計算",
    "xl/worksheets/sheet90.xml",
    "rIdCalc",
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>` +
      `<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">ROW()*2</f><v>2</v></c><c r="B1"><f t="array" ref="B1">SUM(A1:A3*1)</f><v>12</v></c>` +
      `<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" s="${dateStyle}"><v>1</v></c>` +
      `<c r="E1" t="inlineStr"><is><r><t>港区</t></r><rPh sb="0" eb="2"><t>ミナトク</t></rPh></is></c><c r="F1"><v>5</v></c></row>` +
      `<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>` +
      `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
  put(
    parts,
    "xl/worksheets/_rels/sheet90.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`
  );
  edit(parts, "xl/_rels/workbook.xml.rels", (x) =>
    x.replace("</Relationships>", `<Relationship Id="rIdPivotCache" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`)
  );
  put(
    parts,
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="3">` +
      `<cacheSource type="worksheet"><worksheetSource ref="A1:A3" sheet="計算"/></cacheSource>` +
      `<cacheFields count="1"><cacheField name="2" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="4" maxValue="6"/></cacheField></cacheFields></pivotCacheDefinition>`
  );
  put(
    parts,
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`
  );
  put(
    parts,
    "xl/pivotCache/pivotCacheRecords1.xml",
    `<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${REL}" count="2"><r><n v="4"/></r><r><n v="6"/></r></pivotCacheRecords>`
  );
  put(
    parts,
    "xl/pivotTables/pivotTable1.xml",
    `<pivotTableDefinition xmlns="${MAIN}" name="ピボット1" cacheId="7" dataCaption="値" createdVersion="6" updatedVersion="6" minRefreshableVersion="3">` +
      `<location ref="H1:H2" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/>` +
      `<pivotFields count="1"><pivotField dataField="1" showAll="0"/></pivotFields>` +
      `<rowItems count="1"><i/></rowItems><colItems count="1"><i/></colItems>` +
      `<dataFields count="1"><dataField name="合計 / 2" fld="0" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`
  );
  put(
    parts,
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`
  );
  override(parts, "xl/pivotCache/pivotCacheDefinition1.xml", `${CT}.pivotCacheDefinition+xml`);
  override(parts, "xl/pivotCache/pivotCacheRecords1.xml", `${CT}.pivotCacheRecords+xml`);
  override(parts, "xl/pivotTables/pivotTable1.xml", `${CT}.pivotTable+xml`);
  return write(parts, file);
}

/** The sample with a sheet of `rows` rows (a number and a formula on each). */
export async function bigBook(sample: string, file: string, rows: number): Promise<string> {
  const parts = await sampleParts(sample);
  const data: string[] = [];
  for (let r = 1; r <= rows; r++) data.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><f>A${r}*2</f><v>${2 * r}</v></c></row>`);
  addSheet(parts, "大量", "xl/worksheets/sheet91.xml", "rIdBig", `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${data.join("")}</sheetData></worksheet>`);
  return write(parts, file);
}
