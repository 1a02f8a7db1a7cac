import { FORMULA_MARK, VALIDATION_TITLE } from "../core/plan";
import { rangeBounds, type MergedArea } from "../core/grid";
import { NS } from "./opc";
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

/** The children of <worksheet> in the order the schema requires (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Where a new child named `local` goes: after the last present child that the schema puts at or before it. */
export function insertionOffset(
  root: ElementSpan,
  children: ElementSpan[],
  local: string,
  order = WORKSHEET_ORDER
): number {
  const rank = order.indexOf(local);
  let at = root.openEnd;
  for (const c of children) {
    const r = order.indexOf(c.local);
    if (r >= 0 && r <= rank) at = c.end;
  }
  return at;
}

function isHyokaFormatting(xml: string, span: ElementSpan): boolean {
  const inner = xml.slice(span.openEnd, span.closeStart);
  const rules = inner.match(/<(?:[\w.-]+:)?cfRule\b[\s\S]*?(?:\/>|<\/(?:[\w.-]+:)?cfRule>)/g) ?? [];
  return (
    rules.length > 0 &&
    rules.every((r) => r.includes(FORMULA_MARK.replace(/"/g, "&quot;")) || r.includes(FORMULA_MARK))
  );
}

function isHyokaValidation(xml: string, span: ElementSpan): boolean {
  return attributes(xml, span).errorTitle === VALIDATION_TITLE;
}

function sqrefAreas(sqref: string): MergedArea[] {
  return sqref
    .trim()
    .split(/\s+/)
    .filter((r) => r !== "")
    .map((r) => rangeBounds(r));
}

export interface WorksheetFacts {
  /** Areas a person's validation covers (the sheet's own and x14 ones in extLst), Hyoka's excluded. */
  personValidations: MergedArea[];
  /** Highest conditional-format priority not Hyoka's (x14 rules share the numbering). */
  maxPriority: number;
  /** The r:id of the sheet's legacy drawing (notes' VML), if any. */
  legacyDrawingId?: string;
  /** The prefix the sheet binds to the relationships namespace, if it declares one on its root. */
  relPrefix?: string;
}

export function worksheetFacts(xml: string): WorksheetFacts {
  const root = rootSpan(xml);
  const children = childSpans(xml, root);
  const personValidations: MergedArea[] = [];
  let maxPriority = 0;
  let legacyDrawingId: string | undefined;
  for (const c of children) {
    if (c.local === "dataValidations") {
      for (const dv of childSpans(xml, c))
        if (dv.local === "dataValidation" && !isHyokaValidation(xml, dv))
          personValidations.push(...sqrefAreas(attributes(xml, dv).sqref ?? ""));
    } else if (c.local === "conditionalFormatting" && !isHyokaFormatting(xml, c)) {
      for (const m of xml.slice(c.start, c.end).matchAll(/\bpriority="(\d+)"/g))
        maxPriority = Math.max(maxPriority, Number(m[1]));
    } else if (c.local === "legacyDrawing") {
      const a = attributes(xml, c);
      legacyDrawingId = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    } else if (c.local === "extLst") {
      const ext = xml.slice(c.start, c.end);
      for (const m of ext.matchAll(/<([\w.-]+:)?dataValidation\b[\s\S]*?<\/\1?dataValidation>/g)) {
        const sqref = /<(?:[\w.-]+:)?sqref>([^<]*)</.exec(m[0]);
        if (sqref) personValidations.push(...sqrefAreas(sqref[1]));
      }
      for (const m of ext.matchAll(/\bpriority="(\d+)"/g))
        maxPriority = Math.max(maxPriority, Number(m[1]));
    }
  }
  return {
    personValidations,
    maxPriority,
    legacyDrawingId,
    relPrefix: prefixFor(xml, root, NS.officeRel),
  };
}

export interface WorksheetOps {
  /** Remove Hyoka's conditional formats and validations. */
  removeMarks: boolean;
  /** Remove <legacyDrawing> when it points at one of these relationship ids. */
  removeLegacyDrawing?: Set<string>;
  /** <conditionalFormatting> elements to add. */
  formats: string[];
  /** <dataValidation> elements to add. */
  validations: string[];
  /** A <legacyDrawing> element to add. */
  legacyDrawing?: string;
}

/**
 * Hyoka's edits to a worksheet as splices of its XML: its own elements cut out and new ones put where the schema
 * orders them. Nothing else in the part changes, so removing what was added gives back the same text.
 */
export function patchWorksheet(xml: string, ops: WorksheetOps): string {
  const root = rootSpan(xml);
  const all = childSpans(xml, root);
  const splices: Splice[] = [];
  const cut = (s: ElementSpan) =>
    splices.push({ at: s.start, remove: s.end - s.start, insert: "" });
  const kept: ElementSpan[] = [];
  let validations: ElementSpan | undefined;
  let keptValidations = 0;
  for (const c of all) {
    if (ops.removeMarks && c.local === "conditionalFormatting" && isHyokaFormatting(xml, c)) {
      cut(c);
      continue;
    }
    if (c.local === "legacyDrawing" && ops.removeLegacyDrawing) {
      const id = Object.entries(attributes(xml, c)).find(([k]) => k.endsWith(":id"))?.[1];
      if (id && ops.removeLegacyDrawing.has(id)) {
        cut(c);
        continue;
      }
    }
    if (c.local === "dataValidations") {
      const items = childSpans(xml, c);
      const hyoka = ops.removeMarks ? items.filter((dv) => isHyokaValidation(xml, dv)) : [];
      keptValidations = items.length - hyoka.length;
      if (keptValidations === 0 && ops.validations.length === 0) {
        cut(c);
        continue;
      }
      validations = c;
      hyoka.forEach(cut);
    }
    kept.push(c);
  }
  // Elements inserted at one offset keep the schema's order among themselves.
  const inserts = new Map<number, string[]>();
  const insertAt = (at: number, text: string) =>
    inserts.set(at, [...(inserts.get(at) ?? []), text]);
  if (ops.formats.length > 0)
    insertAt(insertionOffset(root, kept, "conditionalFormatting"), ops.formats.join(""));
  const count = keptValidations + ops.validations.length;
  if (validations) {
    if (ops.validations.length > 0 && validations.selfClosing) {
      // <dataValidations count="0"/> cannot hold children: written out with them.
      cut(validations);
      insertAt(
        validations.start,
        `<${validations.name} count="${count}">${ops.validations.join("")}</${validations.name}>`
      );
    } else {
      if (ops.validations.length > 0) insertAt(validations.closeStart, ops.validations.join(""));
      const countAttr = /\bcount="\d*"/.exec(xml.slice(validations.start, validations.openEnd));
      if (countAttr) {
        splices.push({
          at: validations.start + countAttr.index,
          remove: countAttr[0].length,
          insert: `count="${count}"`,
        });
      }
    }
  } else if (ops.validations.length > 0) {
    const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
    insertAt(
      insertionOffset(root, kept, "dataValidations"),
      `<${prefix}dataValidations count="${count}">${ops.validations.join("")}</${prefix}dataValidations>`
    );
  }
  if (ops.legacyDrawing) insertAt(insertionOffset(root, kept, "legacyDrawing"), ops.legacyDrawing);
  for (const [at, texts] of inserts) splices.push({ at, remove: 0, insert: texts.join("") });
  return applySplices(xml, splices);
}

/** The element prefix the worksheet uses for SpreadsheetML ("" when it is the default namespace). */
export function elementPrefix(xml: string): string {
  const root = rootSpan(xml);
  return root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
}

export function conditionalFormattingXml(
  prefix: string,
  range: string,
  rules: { formula: string; dxfId: number; priority: number }[]
): string {
  const p = prefix;
  return `<${p}conditionalFormatting sqref="${escapeXml(range)}">${rules
    .map(
      (r) =>
        `<${p}cfRule type="expression" dxfId="${r.dxfId}" priority="${r.priority}"><${p}formula>${escapeXml(r.formula)}</${p}formula></${p}cfRule>`
    )
    .join("")}</${p}conditionalFormatting>`;
}

export function dataValidationXml(
  prefix: string,
  sqref: string,
  list: string[],
  message: string
): string {
  const p = prefix;
  return (
    `<${p}dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1"` +
    ` errorTitle="${escapeXml(VALIDATION_TITLE)}" error="${escapeXml(message)}" sqref="${escapeXml(sqref)}">` +
    `<${p}formula1>${escapeXml(`"${list.join(",")}"`)}</${p}formula1></${p}dataValidation>`
  );
}
