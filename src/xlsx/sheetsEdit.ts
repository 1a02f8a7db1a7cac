import { a1, parseA1, rangeBounds, type MergedArea } from "../core/grid";
import { CONTENT_TYPE, NS, REL } from "./opc";
import { XML_DECLARATION, type PackageEdit } from "./packageEdit";
import { elementPrefix } from "./worksheetEdit";
import {
  applySplices,
  attributes,
  childSpans,
  escapeXml,
  prefixFor,
  rootSpan,
  type ElementSpan,
  type Splice,
} from "./xmlSpans";

/** Characters XML 1.0 cannot carry; a cell value never needs them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A cell with a value: numbers as numbers, text as an inline string (the shared strings part stays untouched). */
export function cellXml(
  prefix: string,
  ref: string,
  value: string | number,
  style?: string
): string {
  const p = prefix;
  const s = style ? ` s="${style}"` : "";
  if (typeof value === "number" && Number.isFinite(value))
    return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  const text = escapeXml(String(value).replace(NOT_XML, ""));
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${text}</${p}t></${p}is></${p}c>`;
}

function sheetsElement(xml: string): ElementSpan {
  const root = rootSpan(xml);
  const sheets = childSpans(xml, root).find((c) => c.local === "sheets");
  if (!sheets) throw new Error("workbook.xml has no <sheets>");
  return sheets;
}

function relIdOf(attrs: Record<string, string>): string | undefined {
  return Object.entries(attrs).find(([k]) => k.endsWith(":id") && !k.startsWith("xmlns"))?.[1];
}

/**
 * Indexes into the tab order that follow a removed sheet: names scoped to a later sheet (localSheetId) and the
 * active and first visible tab move down by one; a name scoped to the removed sheet goes with it. Nothing
 * changes when the removed sheet is the last, where Hyoka puts its own.
 */
function shiftSheetIndexes(xml: string, removed: number): Splice[] {
  const splices: Splice[] = [];
  const shift = (span: ElementSpan, attr: string, drop: boolean) => {
    const m = new RegExp(`\\b${attr}="(\\d+)"`).exec(xml.slice(span.start, span.openEnd));
    if (!m) return;
    const k = Number(m[1]);
    if (k === removed && drop) splices.push({ at: span.start, remove: span.end - span.start, insert: "" });
    else if (k > removed)
      splices.push({ at: span.start + m.index, remove: m[0].length, insert: `${attr}="${k - 1}"` });
  };
  for (const c of childSpans(xml, rootSpan(xml))) {
    if (c.local === "definedNames") for (const n of childSpans(xml, c)) shift(n, "localSheetId", true);
    if (c.local === "bookViews")
      for (const v of childSpans(xml, c)) {
        shift(v, "activeTab", false);
        shift(v, "firstSheet", false);
      }
  }
  return splices;
}

/** Removes a sheet: its <sheet> entry, relationship, part, the part's rels and content type. */
export async function removeSheet(
  edit: PackageEdit,
  workbookPart: string,
  name: string
): Promise<boolean> {
  const xml = await edit.text(workbookPart);
  const entries = childSpans(xml, sheetsElement(xml));
  const index = entries.findIndex((c) => attributes(xml, c).name === name);
  if (index < 0) return false;
  const entry = entries[index];
  const id = relIdOf(attributes(xml, entry));
  const rel = (await edit.relationships(workbookPart)).find((r) => r.id === id);
  edit.set(
    workbookPart,
    applySplices(xml, [
      { at: entry.start, remove: entry.end - entry.start, insert: "" },
      ...shiftSheetIndexes(xml, index),
    ])
  );
  if (rel?.part) await edit.removePart(rel.part);
  if (id) await edit.removeRelationships(workbookPart, (r) => r.id === id);
  return true;
}

/** Adds a worksheet at the end of the tab order; returns its part name. */
export async function addSheet(
  edit: PackageEdit,
  workbookPart: string,
  name: string,
  sheetXml: string,
  state?: "veryHidden"
): Promise<string> {
  const part = edit.freeName("xl/worksheets/sheet#.xml");
  const id = await edit.addPart(
    workbookPart,
    part,
    sheetXml,
    CONTENT_TYPE.worksheet,
    REL.worksheet,
    "Sheet"
  );
  const xml = await edit.text(workbookPart);
  const root = rootSpan(xml);
  const sheets = sheetsElement(xml);
  let maxId = 0;
  for (const c of childSpans(xml, sheets))
    maxId = Math.max(maxId, Number(attributes(xml, c).sheetId) || 0);
  const p = elementPrefix(xml);
  const r = prefixFor(xml, root, NS.officeRel);
  const relAttr = r ? `${r}:id="${id}"` : `xmlns:r="${NS.officeRel}" r:id="${id}"`;
  const element = `<${p}sheet name="${escapeXml(name)}" sheetId="${maxId + 1}"${state ? ` state="${state}"` : ""} ${relAttr}/>`;
  edit.set(
    workbookPart,
    applySplices(xml, [{ at: sheets.closeStart, remove: 0, insert: element }])
  );
  return part;
}

/** The XML of a sheet Hyoka creates: its values, styles by cell, column widths, and any trailing elements. */
export function newSheetXml(
  rows: Map<number, Map<number, { value: string | number; style?: string }>>,
  widths: number[],
  tail = ""
): string {
  const cols = widths.length
    ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const data = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = rows.get(r)!;
      const inner = [...cells.keys()]
        .sort((a, b) => a - b)
        .map((c) => cellXml("", a1(r, c), cells.get(c)!.value, cells.get(c)!.style))
        .join("");
      return `<row r="${r + 1}">${inner}</row>`;
    })
    .join("");
  return `${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.officeRel}">${cols}<sheetData>${data}</sheetData>${tail}</worksheet>`;
}

/** One row Hyoka filled in a person's sheet: as it was (null: there was no row) and as Hyoka left it. */
export interface RowRecord {
  sheet: string;
  row: number;
  before: string | null;
  after: string;
}

function rowsOf(xml: string): { sheetData: ElementSpan; rows: { span: ElementSpan; r: number }[] } {
  const root = rootSpan(xml);
  const sheetData = childSpans(xml, root).find((c) => c.local === "sheetData");
  if (!sheetData) throw new Error("worksheet without <sheetData>");
  let last = 0;
  const rows = childSpans(xml, sheetData)
    .filter((c) => c.local === "row")
    .map((span) => {
      const r = Number(attributes(xml, span).r ?? last + 1);
      last = r;
      return { span, r };
    });
  return { sheetData, rows };
}

/**
 * Writes values into a person's sheet (a summary template below its header). Each touched row is rebuilt with
 * the new cells in column order; a cell that was there keeps its style. A cell holding a formula is left alone.
 */
export function fillCells(
  xml: string,
  sheet: string,
  values: Map<number, Map<number, string | number>>
): { xml: string; rows: RowRecord[] } {
  const p = elementPrefix(xml);
  const { sheetData, rows } = rowsOf(xml);
  const byNumber = new Map(rows.map((r) => [r.r, r.span]));
  const splices: Splice[] = [];
  const records: RowRecord[] = [];
  for (const [r0, cells] of values) {
    const number = r0 + 1;
    const span = byNumber.get(number);
    const before = span ? xml.slice(span.start, span.end) : null;
    const existing = new Map<number, string>();
    let rowOpen = `<${p}row r="${number}">`;
    let rowClose = `</${p}row>`;
    if (span) {
      rowOpen = span.selfClosing
        ? `${xml.slice(span.start, span.end - 2)}>`
        : xml.slice(span.start, span.openEnd);
      rowClose = `</${span.name}>`;
      let col = -1;
      for (const c of childSpans(xml, span)) {
        if (c.local !== "c") continue;
        const ref = attributes(xml, c).r;
        col = ref ? parseA1(ref).col : col + 1;
        existing.set(col, xml.slice(c.start, c.end));
      }
    }
    const merged = new Map(existing);
    for (const [c, value] of cells) {
      const old = existing.get(c);
      if (old && /<(?:[\w.-]+:)?f[\s>/]/.test(old)) continue;
      const style = old ? /\bs="(\d+)"/.exec(old.slice(0, old.indexOf(">")))?.[1] : undefined;
      merged.set(c, cellXml(p, a1(r0, c), value, style));
    }
    const after = `${rowOpen}${[...merged.keys()]
      .sort((a, b) => a - b)
      .map((c) => merged.get(c))
      .join("")}${rowClose}`;
    records.push({ sheet, row: number, before, after });
    if (span) splices.push({ at: span.start, remove: span.end - span.start, insert: after });
    else {
      const next = rows.find((x) => x.r > number);
      const at = next
        ? next.span.start
        : sheetData.selfClosing
          ? sheetData.start
          : sheetData.closeStart;
      splices.push({ at, remove: 0, insert: after });
    }
  }
  // A <sheetData/> written empty is opened to hold the rows.
  if (sheetData.selfClosing && splices.length > 0) {
    const inner = splices.map((s) => s.insert).join("");
    return {
      xml: applySplices(xml, [
        {
          at: sheetData.start,
          remove: sheetData.end - sheetData.start,
          insert: `<${sheetData.name}>${inner}</${sheetData.name}>`,
        },
      ]),
      rows: records,
    };
  }
  return { xml: applySplices(xml, splices), rows: records };
}

function isRowElement(text: string): boolean {
  try {
    const span = rootSpan(text);
    return span.local === "row" && span.start === 0 && span.end === text.length;
  } catch {
    return false;
  }
}

/**
 * Takes Hyoka's values back out of a person's sheet: a row still as Hyoka left it goes back to what it was;
 * a row changed since (saved by Excel, edited) has only the values in Hyoka's ranges emptied.
 */
export function restoreCells(xml: string, records: RowRecord[], written: string[]): string {
  const { rows } = rowsOf(xml);
  const areas: MergedArea[] = written.map(rangeBounds);
  const splices: Splice[] = [];
  for (const { span, r } of rows) {
    const text = xml.slice(span.start, span.end);
    const record = records.find((x) => x.row === r);
    // The record comes from the file: a "before" that is not a single row element is not put back.
    if (record && record.after === text && (record.before === null || isRowElement(record.before))) {
      splices.push({ at: span.start, remove: span.end - span.start, insert: record.before ?? "" });
      continue;
    }
    if (!areas.some((a) => r - 1 >= a.top && r - 1 <= a.bottom)) continue;
    const cellSplices: Splice[] = [];
    for (const c of childSpans(xml, span)) {
      if (c.local !== "c") continue;
      const ref = attributes(xml, c).r;
      if (!ref) continue;
      const { row, col } = parseA1(ref);
      if (!areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right))
        continue;
      if (/<(?:[\w.-]+:)?f[\s>/]/.test(xml.slice(c.start, c.end))) continue;
      const style = /\bs="(\d+)"/.exec(xml.slice(c.start, c.openEnd))?.[1];
      cellSplices.push({
        at: c.start,
        remove: c.end - c.start,
        insert: `<${c.name} r="${ref}"${style ? ` s="${style}"` : ""}/>`,
      });
    }
    splices.push(...cellSplices);
  }
  return splices.length ? applySplices(xml, splices) : xml;
}
