import { SaxesParser, type SaxesTagPlain } from "saxes";
import { parseA1, rangeBounds, trimGrid, type MergedArea, type SheetGrid } from "../core/grid";
import { displayText, numberText, isDateFormat } from "../core/display";
import { BUILT_IN_FORMATS } from "./numberFormats";
import { parseRelationships, relsPartOf, REL, type Relationship } from "./opc";
import type { ZipPackage } from "./zipPackage";

export interface SheetInfo {
  name: string;
  /** The worksheet's part name (zip entry), e.g. xl/worksheets/sheet1.xml. */
  part: string;
  relId: string;
  sheetId: number;
  state: "visible" | "hidden" | "veryHidden";
}

export interface BookInfo {
  workbookPart: string;
  workbookRels: Relationship[];
  sheets: SheetInfo[];
  /** Chart sheets and dialog sheets are listed too, but only worksheets are read. */
  date1904: boolean;
  sharedStringsPart?: string;
  stylesPart?: string;
}

/** An XML part that is not well-formed: the file is damaged. */
export class BadPartError extends Error {
  constructor(
    readonly part: string,
    message: string
  ) {
    super(`${part}: ${message}`);
    this.name = "BadPartError";
  }
}

function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The value of a prefixed attribute such as r:id, whatever prefix the writer chose. */
function prefixedAttribute(attrs: Record<string, string>, localName: string): string | undefined {
  for (const [k, v] of Object.entries(attrs))
    if (k.includes(":") && local(k) === localName && !k.startsWith("xmlns")) return v;
  return undefined;
}

/** Streams a part through a SAX parser: the part is never held as text or as a tree. */
async function saxPart(
  pkg: ZipPackage,
  part: string,
  handlers: {
    open?: (name: string, attrs: Record<string, string>) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  }
): Promise<void> {
  // Positions are not used; not tracking them saves a third of the parse.
  const parser = new SaxesParser({ position: false, xmlns: false });
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= new BadPartError(part, e.message);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (t: SaxesTagPlain) =>
      open(local(t.name), t.attributes as Record<string, string>)
    );
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (t: SaxesTagPlain) => close(local(t.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  // TextDecoder turns UTF-8 into text a third faster than string_decoder; a character cut between chunks is kept.
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of pkg.chunks(part)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) break;
  }
  if (failure) throw failure;
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}

/** The workbook part, its sheets in tab order and their parts, and the date system. */
export async function readBookInfo(pkg: ZipPackage): Promise<BookInfo> {
  if (!pkg.has("_rels/.rels")) throw new BadPartError("_rels/.rels", "missing");
  const rootRels = parseRelationships("", await pkg.text("_rels/.rels"));
  const workbookPart = rootRels.find((r) => r.type === REL.officeDocument)?.part;
  if (!workbookPart || !pkg.has(workbookPart))
    throw new BadPartError("_rels/.rels", "no workbook part");
  const relsPart = relsPartOf(workbookPart);
  const workbookRels = pkg.has(relsPart)
    ? parseRelationships(workbookPart, await pkg.text(relsPart))
    : [];
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await saxPart(pkg, workbookPart, {
    open(name, attrs) {
      if (name === "workbookPr") date1904 = attrs.date1904 === "1" || attrs.date1904 === "true";
      if (name !== "sheet") return;
      const relId = prefixedAttribute(attrs, "id") ?? "";
      const rel = byId.get(relId);
      if (!rel?.part || rel.type !== REL.worksheet) return;
      sheets.push({
        name: attrs.name,
        part: rel.part,
        relId,
        sheetId: Number(attrs.sheetId),
        state: attrs.state === "hidden" || attrs.state === "veryHidden" ? attrs.state : "visible",
      });
    },
  });
  const find = (type: string) => workbookRels.find((r) => r.type === type)?.part;
  return {
    workbookPart,
    workbookRels,
    sheets,
    date1904,
    sharedStringsPart: find(REL.sharedStrings),
    stylesPart: find(REL.styles),
  };
}

/**
 * The text of shared strings or an inline string: the <t> of the string and of its runs, never of its phonetic
 * runs (<rPh>, furigana), which Excel shows above the text, not in it.
 */
function stringCollector() {
  let inT = false;
  let phonetic = 0;
  let text = "";
  return {
    open(name: string) {
      if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    },
    close(name: string) {
      if (name === "rPh") phonetic--;
      else if (name === "t") inT = false;
    },
    text(t: string) {
      if (inT) text += t;
    },
    take(): string {
      const out = text;
      text = "";
      return out;
    },
  };
}

export async function readSharedStrings(
  pkg: ZipPackage,
  part: string | undefined
): Promise<string[]> {
  if (!part || !pkg.has(part)) return [];
  const strings: string[] = [];
  const s = stringCollector();
  await saxPart(pkg, part, {
    open(name) {
      if (name === "si") s.take();
      else s.open(name);
    },
    close(name) {
      if (name === "si") strings.push(s.take());
      else s.close(name);
    },
    text: s.text,
  });
  return strings;
}

/** Each cell style's number format code (cellXfs order: a cell's s attribute indexes it). */
export async function readCellFormats(
  pkg: ZipPackage,
  part: string | undefined
): Promise<(string | undefined)[]> {
  if (!part || !pkg.has(part)) return [];
  const codes = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  let inCellXfs = false;
  let depth = 0;
  await saxPart(pkg, part, {
    // saxes reports a close for every element, empty ones included.
    open(name, attrs) {
      if (name === "numFmt") codes.set(Number(attrs.numFmtId), attrs.formatCode);
      if (name === "cellXfs") inCellXfs = true;
      else if (inCellXfs) {
        if (depth === 0 && name === "xf") {
          const id = Number(attrs.numFmtId ?? 0);
          formats.push(codes.get(id) ?? BUILT_IN_FORMATS[id]);
        }
        depth++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
      else if (inCellXfs) depth--;
    },
  });
  return formats;
}

export interface ReadContext {
  strings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
}

/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1904 = 1462;

function cellText(
  type: string,
  value: string,
  inline: string,
  numFmt: string | undefined,
  ctx: ReadContext
): string {
  switch (type) {
    case "s":
      return ctx.strings[Number(value)] ?? "";
    case "inlineStr":
      return inline;
    case "str":
    case "e":
      return value;
    case "b":
      return value === "" ? "" : displayText(value === "1" || value === "true");
    case "d":
      return value === "" ? "" : displayText(new Date(value));
    default: {
      if (value === "") return "";
      const n = Number(value);
      if (Number.isNaN(n)) return value;
      return numberText(ctx.date1904 && isDateFormat(numFmt) ? n + DAYS_1904 : n, numFmt);
    }
  }
}

/**
 * One worksheet streamed into a grid: each cell's displayed text (formula results, shared strings, inline
 * strings without their furigana, error codes, dates), merged areas with only their top-left cell holding text.
 */
export async function readSheetGrid(
  pkg: ZipPackage,
  sheet: SheetInfo,
  ctx: ReadContext
): Promise<SheetGrid> {
  const rows: string[][] = [];
  const merges: MergedArea[] = [];
  let isProtected = false;
  let row = -1;
  let col = -1;
  let type = "";
  let style = 0;
  let value = "";
  let inV = false;
  let inInline = false;
  const inline = stringCollector();
  await saxPart(pkg, sheet.part, {
    open(name, attrs) {
      switch (name) {
        case "row":
          row = attrs.r ? Number(attrs.r) - 1 : row + 1;
          col = -1;
          return;
        case "c":
          if (attrs.r) {
            const at = parseA1(attrs.r);
            row = at.row;
            col = at.col;
          } else col++;
          type = attrs.t ?? "n";
          style = attrs.s ? Number(attrs.s) : 0;
          value = "";
          inline.take();
          return;
        case "v":
          inV = true;
          return;
        case "is":
          inInline = true;
          return;
        case "mergeCell":
          if (attrs.ref) merges.push(rangeBounds(attrs.ref));
          return;
        case "sheetProtection":
          isProtected = attrs.sheet === "1" || attrs.sheet === "true";
          return;
        default:
          if (inInline) inline.open(name);
      }
    },
    close(name) {
      switch (name) {
        case "v":
          inV = false;
          return;
        case "is":
          inInline = false;
          return;
        case "c": {
          const text = cellText(type, value, inline.take(), ctx.formats[style], ctx);
          if (text !== "") (rows[row] ??= [])[col] = text;
          return;
        }
        default:
          if (inInline) inline.close(name);
      }
    },
    text(t) {
      if (inV) value += t;
      else if (inInline) inline.text(t);
    },
  });
  // Only a merge's top-left cell holds its text, as Excel shows it.
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) delete cells[c];
    }
  const cells: string[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const source = rows[r];
    const out: string[] = [];
    if (source) for (let c = 0; c < source.length; c++) out.push(source[c] ?? "");
    cells.push(out);
  }
  return trimGrid({
    name: sheet.name,
    cells,
    merges,
    hidden: sheet.state !== "visible",
    ...(isProtected ? { protected: true } : {}),
  });
}

export async function readGridsOf(pkg: ZipPackage, info: BookInfo): Promise<SheetGrid[]> {
  const [strings, formats] = await Promise.all([
    readSharedStrings(pkg, info.sharedStringsPart),
    readCellFormats(pkg, info.stylesPart),
  ]);
  const ctx: ReadContext = { strings, formats, date1904: info.date1904 };
  const grids: SheetGrid[] = [];
  for (const sheet of info.sheets) {
    if (!pkg.has(sheet.part)) throw new BadPartError(sheet.part, "missing");
    grids.push(await readSheetGrid(pkg, sheet, ctx));
  }
  return grids;
}
