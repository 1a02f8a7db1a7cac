import { insertionOffset } from "./worksheetEdit";
import { applySplices, childSpans, rootSpan, type Splice } from "./xmlSpans";

/** The children of <styleSheet> in schema order (ECMA-376 Part 1, 18.8.39 CT_Stylesheet). */
const STYLES_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** What Hyoka appended to one list of styles.xml, so it can take exactly that back out. */
export interface StyleListRecord {
  list: string;
  /** The list element existed before (else Hyoka created it). */
  existed: boolean;
  /** Its count attribute as it was (null: it had none). */
  count: string | null;
  /** How many entries it had. */
  before: number;
  /** It was written as an empty element (<dxfs count="0"/>). */
  selfClosing: boolean;
  /** The text Hyoka appended (or, when it created the list, the whole element). */
  added: string;
}

/**
 * Appends entries to a list of styles.xml (dxfs, fonts, cellXfs), creating the list at its schema position if
 * there is none. Returns the index of the first new entry.
 */
export function appendStyles(
  xml: string,
  list: string,
  entries: string[]
): { xml: string; first: number; record: StyleListRecord } {
  const root = rootSpan(xml);
  const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  const children = childSpans(xml, root);
  const span = children.find((c) => c.local === list);
  const added = entries.join("");
  if (!span) {
    const element = `<${prefix}${list} count="${entries.length}">${added}</${prefix}${list}>`;
    const at = insertionOffset(root, children, list, STYLES_ORDER);
    return {
      xml: applySplices(xml, [{ at, remove: 0, insert: element }]),
      first: 0,
      record: { list, existed: false, count: null, before: 0, selfClosing: false, added: element },
    };
  }
  const before = childSpans(xml, span).length;
  const open = xml.slice(span.start, span.openEnd);
  const countMatch = /\bcount="(\d*)"/.exec(open);
  const splices: Splice[] = [];
  if (countMatch)
    splices.push({
      at: span.start + countMatch.index,
      remove: countMatch[0].length,
      insert: `count="${before + entries.length}"`,
    });
  if (span.selfClosing) {
    // <dxfs count="0"/>: opened up to hold the entries; taken back to this exact text on removal.
    splices.push({ at: span.end - 2, remove: 2, insert: `>${added}</${span.name}>` });
  } else {
    splices.push({ at: span.closeStart, remove: 0, insert: added });
  }
  return {
    xml: applySplices(xml, splices),
    first: before,
    record: {
      list,
      existed: true,
      count: countMatch ? countMatch[1] : null,
      before,
      selfClosing: span.selfClosing,
      added,
    },
  };
}

/**
 * Takes back what `appendStyles` added, only when it is still there unchanged at the end of the list (a workbook
 * saved by Excel since has its styles rewritten: then they stay, unused entries being harmless). Null when not.
 */
export function removeAppendedStyles(xml: string, record: StyleListRecord): string | null {
  const root = rootSpan(xml);
  const span = childSpans(xml, root).find((c) => c.local === record.list);
  if (!span) return null;
  if (!record.existed) {
    return xml.slice(span.start, span.end) === record.added
      ? applySplices(xml, [{ at: span.start, remove: span.end - span.start, insert: "" }])
      : null;
  }
  const entries = childSpans(xml, span);
  if (entries.length <= record.before) return null;
  const from = entries[record.before].start;
  if (xml.slice(from, span.closeStart) !== record.added) return null;
  const splices: Splice[] = [];
  const open = xml.slice(span.start, span.openEnd);
  const countMatch = /\bcount="(\d*)"/.exec(open);
  if (countMatch && record.count !== null)
    splices.push({
      at: span.start + countMatch.index,
      remove: countMatch[0].length,
      insert: `count="${record.count}"`,
    });
  if (record.selfClosing) {
    splices.push({ at: span.openEnd - 1, remove: span.end - span.openEnd + 1, insert: "/>" });
  } else {
    splices.push({ at: from, remove: span.closeStart - from, insert: "" });
  }
  return applySplices(xml, splices);
}

export function dxfXml(prefix: string, fill: string, font: string): string {
  const p = prefix;
  const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
  return (
    `<${p}dxf><${p}font><${p}color rgb="${argb(font)}"/></${p}font>` +
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(fill)}"/><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`
  );
}
