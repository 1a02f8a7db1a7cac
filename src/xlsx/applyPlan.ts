import { parseA1, rangeBounds, a1Range } from "../core/grid";
import { EMPTY_META } from "../core/meta";
import { MARKER, metaIsEmpty, VALIDATION_TITLE, type WritePlan } from "../core/plan";
import { META_SHEET } from "../core/recognize";
import { addChart, removeCharts } from "./chartsEdit";
import { addNotes, cellsWithComments, legacyDrawingXml, removeHyokaNotes } from "./notesEdit";
import { PackageEdit } from "./packageEdit";
import type { BookInfo } from "./readBook";
import {
  addSheet,
  fillCells,
  newSheetXml,
  removeSheet,
  restoreCells,
  type RowRecord,
} from "./sheetsEdit";
import { appendStyles, dxfXml, removeAppendedStyles, type StyleListRecord } from "./stylesEdit";
import {
  conditionalFormattingXml,
  dataValidationXml,
  elementPrefix,
  patchWorksheet,
  worksheetFacts,
} from "./worksheetEdit";
import type { ZipPackage } from "./zipPackage";
import { escapeXml, unescapeXml } from "./xmlSpans";

/**
 * What the file adapter needs to take its own edits back out exactly: the style entries it appended and the rows
 * it filled. Kept inside `_hyoka`'s own part, in an extension element (which Excel and other readers skip), so
 * no grid shows it; a workbook saved by Excel since has it dropped, and the edits are then undone by their marks.
 */
interface PatchRecord {
  version: 1;
  dxfs?: StyleListRecord;
  fonts?: StyleListRecord;
  cellXfs?: StyleListRecord;
  rows?: RowRecord[];
}

const RECORD_URI = "{6F1C7A52-4B0E-4C8D-9E1A-48594F4B4131}";
const RECORD_NS = "urn:hyoka:patch-record";

function recordXml(record: PatchRecord): string {
  return `<extLst><ext uri="${RECORD_URI}" xmlns:h="${RECORD_NS}"><h:record>${escapeXml(JSON.stringify(record))}</h:record></ext></extLst>`;
}

async function readRecord(edit: PackageEdit, info: BookInfo): Promise<PatchRecord> {
  const meta = info.sheets.find((s) => s.name === META_SHEET);
  if (!meta || !edit.has(meta.part)) return { version: 1 };
  const m = /<h:record>([\s\S]*?)<\/h:record>/.exec(await edit.text(meta.part));
  if (!m) return { version: 1 };
  try {
    const parsed = JSON.parse(unescapeXml(m[1])) as PatchRecord;
    return parsed && parsed.version === 1 ? parsed : { version: 1 };
  } catch {
    return { version: 1 };
  }
}

export interface ApplyOutcome {
  /** Cells whose own note or validation a person set: Hyoka left them alone. */
  skipped: { sheet: string; cell: string; what: "note" | "validation" }[];
  /** Hyoka's charts taken off and drawn. */
  charts: { removed: number; added: number };
}

/** Cells of a one-column range not covered by any of `areas`, as a space-separated sqref of row runs. */
function uncoveredSqref(
  range: string,
  areas: { top: number; left: number; bottom: number; right: number }[]
) {
  const b = rangeBounds(range);
  const own: string[] = [];
  const runs: string[] = [];
  let start = -1;
  for (let r = b.top; r <= b.bottom + 1; r++) {
    const covered =
      r <= b.bottom &&
      areas.some((a) => r >= a.top && r <= a.bottom && b.left >= a.left && b.left <= a.right);
    if (r <= b.bottom && covered) own.push(a1Range(r, b.left, r, b.left));
    const free = r <= b.bottom && !covered;
    if (free && start < 0) start = r;
    if (!free && start >= 0) {
      runs.push(a1Range(start, b.left, r - 1, b.right));
      start = -1;
    }
  }
  return { sqref: runs.join(" "), own };
}

/**
 * Carries out a write plan on a package by patching it: Hyoka's earlier additions are cut out, the new ones put
 * in, and every part the plan has no reason to touch is left as it was.
 */
export async function applyPlanToPackage(
  pkg: ZipPackage,
  info: BookInfo,
  plan: WritePlan
): Promise<{ edit: PackageEdit; outcome: ApplyOutcome }> {
  const edit = new PackageEdit(pkg);
  const skipped: ApplyOutcome["skipped"] = [];
  const old = await readRecord(edit, info);
  const record: PatchRecord = { version: 1 };
  const { marks, summaries } = plan.replace;
  const stylesPart = info.stylesPart && pkg.has(info.stylesPart) ? info.stylesPart : undefined;
  let styles = stylesPart ? await edit.text(stylesPart) : undefined;

  // 1. Take out what earlier runs added.
  const takeBack = (r: StyleListRecord | undefined) => {
    if (!r || styles === undefined) return;
    const next = removeAppendedStyles(styles, r);
    if (next !== null) styles = next;
  };
  if (summaries) {
    // Later additions first, so each list's tail is the one its record describes.
    takeBack(old.cellXfs);
    takeBack(old.fonts);
  } else {
    record.cellXfs = old.cellXfs;
    record.fonts = old.fonts;
    record.rows = old.rows;
  }
  if (marks) takeBack(old.dxfs);
  else record.dxfs = old.dxfs;

  const charts = { removed: 0, added: 0 };
  if (summaries) {
    // Hyoka's charts first, also on its own sheets: their chart and drawing parts would outlive the sheet.
    const chartNames = new Map<string, Set<string>>();
    for (const c of plan.previous.charts)
      chartNames.set(c.sheet, new Set([...(chartNames.get(c.sheet) ?? []), c.name]));
    for (const [name, names] of chartNames) {
      const sheet = info.sheets.find((s) => s.name === name);
      if (sheet) charts.removed += await removeCharts(edit, sheet.part, names);
    }
    for (const name of plan.previous.created) await removeSheet(edit, info.workbookPart, name);
    const written = new Map<string, string[]>();
    for (const w of plan.previous.written)
      written.set(w.sheet, [...(written.get(w.sheet) ?? []), w.range]);
    const rowsBySheet = new Map<string, RowRecord[]>();
    for (const r of old.rows ?? [])
      rowsBySheet.set(r.sheet, [...(rowsBySheet.get(r.sheet) ?? []), r]);
    for (const sheet of info.sheets) {
      const ranges = written.get(sheet.name) ?? [];
      const rows = rowsBySheet.get(sheet.name) ?? [];
      if ((ranges.length === 0 && rows.length === 0) || !edit.has(sheet.part)) continue;
      edit.set(sheet.part, restoreCells(await edit.text(sheet.part), rows, ranges));
    }
  }
  await removeSheet(edit, info.workbookPart, META_SHEET);

  const live = info.sheets.filter((s) => edit.has(s.part));
  const removedDrawings = new Map<string, Set<string>>();
  if (marks)
    for (const sheet of live)
      removedDrawings.set(sheet.part, await removeHyokaNotes(edit, sheet.part));

  // 2. Put in the new: dxf styles for the rules (one per colour pair), then each sheet's marks and notes.
  const dxfIds = new Map<string, number>();
  const pairs = plan.formats.flatMap((f) => f.rules.map((r) => `${r.fill}|${r.font}`));
  const uniquePairs = [...new Set(pairs)];
  if (uniquePairs.length > 0 && styles !== undefined) {
    const prefix = elementPrefix(styles);
    const added = appendStyles(
      styles,
      "dxfs",
      uniquePairs.map((p) => dxfXml(prefix, p.split("|")[0], p.split("|")[1]))
    );
    styles = added.xml;
    record.dxfs = added.record;
    uniquePairs.forEach((p, i) => dxfIds.set(p, added.first + i));
  }

  for (const sheet of live) {
    const formats = dxfIds.size > 0 ? plan.formats.filter((f) => f.sheet === sheet.name) : [];
    const validations = plan.validations.filter((v) => v.sheet === sheet.name);
    const notes = plan.notes.filter((n) => n.sheet === sheet.name);
    const removeDrawing = removedDrawings.get(sheet.part);
    let xml = await edit.text(sheet.part);
    // Every mark Hyoka leaves in a sheet names it (the rule's N("hyoka"), the title Hyoka, ids hyoka…).
    const mayHaveMarks = marks && (xml.includes(MARKER) || xml.includes(VALIDATION_TITLE));
    if (
      !mayHaveMarks &&
      formats.length + validations.length + notes.length === 0 &&
      !removeDrawing?.size
    )
      continue;
    const facts = worksheetFacts(xml);
    const prefix = elementPrefix(xml);
    let priority = facts.maxPriority;
    const cf = formats.map((f) =>
      conditionalFormattingXml(
        prefix,
        f.range,
        f.rules.map((r) => ({
          formula: r.formula,
          dxfId: dxfIds.get(`${r.fill}|${r.font}`)!,
          priority: ++priority,
        }))
      )
    );
    const dv: string[] = [];
    for (const v of validations) {
      const { sqref, own } = uncoveredSqref(v.range, facts.personValidations);
      for (const cell of own) skipped.push({ sheet: sheet.name, cell, what: "validation" });
      if (sqref) dv.push(dataValidationXml(prefix, sqref, v.list, v.message));
    }
    let legacyDrawing: string | undefined;
    if (notes.length > 0) {
      const taken = await cellsWithComments(edit, sheet.part);
      const free = notes.filter((n) => {
        if (!taken.has(n.cell.toUpperCase())) return true;
        skipped.push({ sheet: sheet.name, cell: n.cell, what: "note" });
        return false;
      });
      const vmlId = await addNotes(edit, sheet.part, free);
      if (vmlId) legacyDrawing = legacyDrawingXml(prefix, facts.relPrefix, vmlId);
    }
    xml = patchWorksheet(xml, {
      removeMarks: marks,
      removeLegacyDrawing: removeDrawing,
      formats: cf,
      validations: dv,
      legacyDrawing,
    });
    edit.set(sheet.part, xml);
  }

  // 3. Summaries: values into a person's template, or sheets of Hyoka's own.
  let wrapStyle: string | undefined;
  let boldStyle: string | undefined;
  const rows: RowRecord[] = [];
  const createdParts = new Map<string, string>();
  for (const s of plan.summaries) {
    const cells = new Map<number, Map<number, string | number>>();
    for (const block of s.blocks) {
      const origin = parseA1(block.anchor);
      block.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === "") return;
          const rr = origin.row + r;
          if (!cells.has(rr)) cells.set(rr, new Map());
          cells.get(rr)!.set(origin.col + c, value);
        })
      );
    }
    if (!s.create) {
      const sheet = live.find((x) => x.name === s.sheet);
      if (!sheet) continue;
      const filled = fillCells(await edit.text(sheet.part), s.sheet, cells);
      edit.set(sheet.part, filled.xml);
      rows.push(...filled.rows);
      continue;
    }
    if (wrapStyle === undefined && styles !== undefined) {
      const prefix = elementPrefix(styles);
      const font = appendStyles(styles, "fonts", [
        `<${prefix}font><${prefix}b/><${prefix}sz val="11"/></${prefix}font>`,
      ]);
      styles = font.xml;
      record.fonts = font.record;
      const xfs = appendStyles(styles, "cellXfs", [
        `<${prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><${prefix}alignment vertical="top" wrapText="1"/></${prefix}xf>`,
        `<${prefix}xf numFmtId="0" fontId="${font.first}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><${prefix}alignment vertical="top" wrapText="1"/></${prefix}xf>`,
      ]);
      styles = xfs.xml;
      record.cellXfs = xfs.record;
      wrapStyle = String(xfs.first);
      boldStyle = String(xfs.first + 1);
    }
    const bold = new Set(s.bold.map((b) => parseA1(b)).map((p) => `${p.row},${p.col}`));
    const styled = new Map<number, Map<number, { value: string | number; style?: string }>>();
    for (const [r, row] of cells)
      styled.set(
        r,
        new Map(
          [...row].map(([c, value]) => [
            c,
            { value, style: bold.has(`${r},${c}`) ? boldStyle : wrapStyle },
          ])
        )
      );
    createdParts.set(
      s.sheet,
      await addSheet(edit, info.workbookPart, s.sheet, newSheetXml(styled, s.columnWidths))
    );
  }
  for (const c of plan.charts) {
    const part = createdParts.get(c.sheet) ?? live.find((x) => x.name === c.sheet)?.part;
    if (!part) continue;
    await addChart(edit, part, c);
    charts.added += 1;
  }
  if (summaries) record.rows = rows;
  else if (rows.length > 0) record.rows = [...(record.rows ?? []), ...rows];

  if (stylesPart && styles !== undefined) edit.set(stylesPart, styles);

  // 4. `_hyoka`: the engine's record in A1, this adapter's in the part's extension list.
  const keep =
    record.dxfs || record.fonts || record.cellXfs || (record.rows && record.rows.length > 0);
  if (!metaIsEmpty(plan.meta) || (plan.meta && keep)) {
    const meta = new Map([
      [0, new Map([[0, { value: JSON.stringify(plan.meta ?? EMPTY_META) as string | number }]])],
    ]);
    await addSheet(
      edit,
      info.workbookPart,
      META_SHEET,
      newSheetXml(meta, [], keep ? recordXml(record) : ""),
      "veryHidden"
    );
  }
  return { edit, outcome: { skipped, charts } };
}
