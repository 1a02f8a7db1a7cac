import { parseA1, a1Range, rangeBounds, type MergedArea } from "../core/grid";
import type { ChartSpec, HyokaMeta } from "../core/meta";
import {
  FORMULA_MARK,
  metaIsEmpty,
  NOTE_PREFIX,
  VALIDATION_TITLE,
  type WritePlan,
} from "../core/plan";
import { META_SHEET } from "../core/recognize";
import { jsonBytes, WriteBatcher } from "./payload";
import { coveredCells, subtract, type Rect } from "./rects";
import { areasOf, mergeTiles } from "./mergeTiles";
import { readWorkbook, type WorkbookSnapshot } from "./readWorkbook";

export interface ApplyOptions {
  /** Notes need ExcelApi 1.18; without it Hyoka's findings stay in the task pane only. */
  notes: boolean;
  /**
   * Look for threaded comments (Worksheet.comments, ExcelApi 1.10) where notes go: a cell holds a note or a threaded
   * comment, not both, and Excel refuses the note. Read with the workbook when the snapshot was (ReadOptions.comments).
   */
  comments?: boolean;
  /** Bytes per write request: under 5 MB on Excel on the web (the default); desktop Excel has no limit. */
  requestBudget?: number;
  /** Putting back what was there after a failed write: protected sheets are left alone, and no second rollback. */
  restoring?: boolean;
}

export type ApplyOutcome =
  | {
      applied: true;
      /**
       * Cells or ranges Hyoka left alone: a person's own note or dropdown; a threaded comment where a note would go;
       * a summary value that fell on a cell hidden under a template's merged area.
       */
      skipped: {
        sheet: string;
        cell: string;
        what: "note" | "validation" | "comment" | "merged";
      }[];
      notesSkipped: boolean;
      added: {
        formatRules: number;
        formatRanges: number;
        validations: number;
        notes: number;
        sheets: number;
        charts: number;
      };
      removed: {
        formatRules: number;
        validations: number;
        notes: number;
        sheets: number;
        charts: number;
      };
      syncs: number;
      largestRequest: number;
    }
  | {
      applied: false;
      reason: "protected";
      /** Nothing was changed: these sheets (or the workbook's structure) are protected. */
      protectedSheets: string[];
      workbookProtected: boolean;
      syncs: number;
    }
  | {
      applied: false;
      reason: "failed";
      /** The Excel error that stopped the write. */
      error: unknown;
      /** True: Hyoka put back everything it had changed, the workbook is as it was; false: it is half done. */
      restored: boolean;
      syncs: number;
    };

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Strings Excel would turn into a number, date or formula are written as text ('…), exactly as they read. */
function asTyped(value: string | number): string | number {
  if (typeof value === "number") return value;
  if (/^[=+\-@]/.test(value) || /^[\s\d.,:/%$¥()-]+$/.test(value.trim())) return `'${value}`;
  return value;
}

function padRows(rows: (string | number)[][]): (string | number)[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => asTyped(r[i] ?? "")));
}

function union(a: HyokaMeta, b: HyokaMeta | null): HyokaMeta {
  const key = (w: { sheet: string; range: string }) => `${w.sheet}\u0000${w.range}`;
  const merge = (x: { sheet: string; range: string }[], y: { sheet: string; range: string }[]) => [
    ...new Map([...x, ...y].map((w) => [key(w), w])).values(),
  ];
  return {
    version: 1,
    written: merge(a.written, b?.written ?? []),
    created: [...new Set([...a.created, ...(b?.created ?? [])])],
    validated: merge(a.validated, b?.validated ?? []),
    charts: [
      ...new Map(
        [...a.charts, ...(b?.charts ?? [])].map((c) => [`${c.sheet}\u0000${c.name}`, c])
      ).values(),
    ],
  };
}

/** The cells a chart's series take their values from (adjacent columns): the range the chart is added on. */
function seriesSource(chart: ChartSpec): string {
  const areas = chart.series.map((s) => rangeBounds(s.values));
  return a1Range(
    Math.min(...areas.map((a) => a.top)),
    Math.min(...areas.map((a) => a.left)),
    Math.max(...areas.map((a) => a.bottom)),
    Math.max(...areas.map((a) => a.right))
  );
}

interface Before {
  rules: { sheet: string; range: string; formula: string; fill: string; font: string }[];
  validations: { sheet: string; range: string; rule: Excel.DataValidationRule; message: string }[];
  notes: { sheet: string; address: string; text: string }[];
  written: { sheet: string; range: string; values: unknown[][] }[];
  created: { name: string; row: number; col: number; values: unknown[][] }[];
}

function bareAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/** The plan that puts Hyoka's earlier additions back after a failed write, and removes anything new. */
function restorePlan(plan: WritePlan, before: Before): WritePlan {
  const everything = union(plan.previous, plan.meta);
  const bySheetRange = new Map<string, WritePlan["formats"][number]>();
  for (const r of before.rules)
    // A rule may cover several areas (rows were copied or moved): it is put back on each.
    for (const area of areasOf(r.range)) {
      const range = a1Range(area.top, area.left, area.bottom, area.right);
      const key = `${r.sheet}\u0000${range}`;
      const entry = bySheetRange.get(key) ?? { sheet: r.sheet, range, rules: [] };
      // The code only names the rule; colors and formula are what Excel keeps.
      entry.rules.push({
        code: "A",
        formula: r.formula.replace(/^=/, ""),
        fill: r.fill,
        font: r.font,
      });
      bySheetRange.set(key, entry);
    }
  const text = (values: unknown[][]) =>
    values.map((row) => row.map((v) => (typeof v === "number" ? v : String(v ?? ""))));
  return {
    previous: everything,
    replace: plan.replace,
    formats: [...bySheetRange.values()],
    validations: before.validations.map((v) => ({
      sheet: v.sheet,
      range: v.range,
      list: String(v.rule.list?.source ?? "").split(","),
      message: v.message,
    })),
    notes: before.notes.map((n) => ({
      sheet: n.sheet,
      cell: bareAddress(n.address),
      text: n.text,
    })),
    summaries: [
      ...before.written.map((w) => ({
        sheet: w.sheet,
        create: false,
        blocks: [{ anchor: w.range.split(":")[0], values: text(w.values) }],
        bold: [],
        columnWidths: [],
      })),
      ...before.created.map((c) => ({
        sheet: c.name,
        create: true,
        blocks: [{ anchor: a1Range(c.row, c.col, c.row, c.col), values: text(c.values) }],
        bold: [],
        columnWidths: [],
      })),
    ],
    // Hyoka's charts are drawn from their record: the ones the plan replaced come back as they were.
    charts: plan.replace.summaries
      ? plan.previous.charts.map((c) => ({ ...c, cache: { categories: [], values: [] } }))
      : [],
    meta: metaIsEmpty(plan.previous) ? null : plan.previous,
  };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * The runs of a block's cells that are not hidden under a merged area, each as one row to write; `onLost` hears of
 * each hidden cell that would have taken a value.
 */
function visibleRuns(
  rows: (string | number)[][],
  top: number,
  left: number,
  hidden: Set<string>,
  onLost: (cell: string) => void
): { address: string; values: (string | number)[] }[] {
  const runs: { address: string; values: (string | number)[] }[] = [];
  rows.forEach((row, r) => {
    let start = -1;
    const flush = (end: number) => {
      if (start >= 0)
        runs.push({
          address: a1Range(top + r, left + start, top + r, left + end - 1),
          values: row.slice(start, end),
        });
      start = -1;
    };
    row.forEach((value, c) => {
      if (hidden.has(`${top + r},${left + c}`)) {
        flush(c);
        if (value !== "") onLost(a1Range(top + r, left + c, top + r, left + c));
      } else if (start < 0) start = c;
    });
    flush(row.length);
  });
  return runs;
}

/** The most a slice of summary values weighs in a request. */
const SLICE_BYTES = 256 * 1024;

/** Consecutive rows of a block, each run weighing at most `limit` (a single heavier row goes alone). */
export function rowSlices<T>(
  rows: T[][],
  limit: number
): { offset: number; rows: T[][]; bytes: number }[] {
  const out: { offset: number; rows: T[][]; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const weight = jsonBytes(row);
    if (i > start && bytes + weight > limit) {
      out.push({ offset: start, rows: rows.slice(start, i), bytes });
      start = i;
      bytes = 0;
    }
    bytes += weight;
  });
  if (start < rows.length) out.push({ offset: start, rows: rows.slice(start), bytes });
  return out;
}

/**
 * Carries out a write plan in Excel: first remove what Hyoka added before (of the kinds the plan replaces), then
 * add the new. One sync to look at what is there (Hyoka's rules, dropdowns and notes), one to write; a plan over
 * 4 MB is written in as many syncs as its size needs. Nothing is written when a sheet it touches is protected,
 * and a write that Excel stops part way is undone: what Hyoka had added before is put back (restorePlan).
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  snapshot?: WorkbookSnapshot,
  options: ApplyOptions = { notes: true }
): Promise<ApplyOutcome> {
  const lookForComments = Boolean(plan.replace.marks && options.notes && options.comments);
  const read =
    snapshot ?? (await readWorkbook(context, { notes: options.notes, comments: lookForComments }));
  let syncs = snapshot ? 0 : read.syncs;
  const exists = new Set(read.sheets.map((s) => s.name));
  const sheet = (name: string) => context.workbook.worksheets.getItem(name);
  const { marks, summaries } = plan.replace;
  const previousSummaries: Pick<HyokaMeta, "written" | "created"> = summaries
    ? plan.previous
    : { written: [], created: [] };
  const previousValidated = marks ? plan.previous.validated : [];
  // Hyoka's earlier charts, found by name: on a sheet Hyoka created they go with the sheet.
  const previousCharts = (summaries ? plan.previous.charts : [])
    .filter((c) => exists.has(c.sheet) && !plan.previous.created.includes(c.sheet))
    .map((c) => ({ ...c, chart: sheet(c.sheet).charts.getItemOrNullObject(c.name).load("name") }));

  // Look: Hyoka's conditional-format formulas, dropdown owners, notes, and protection.
  const customRules: {
    sheet: string;
    item: Excel.ConditionalFormat;
    rule: Excel.ConditionalFormatRule;
    range: Excel.RangeAreas;
    fill: Excel.ConditionalRangeFill;
    font: Excel.ConditionalRangeFont;
  }[] = [];
  if (marks)
    for (const [name, cfs] of read.conditionalFormats)
      for (const item of cfs.items)
        if (item.type === "Custom") {
          // Formula to tell Hyoka's own; range and colors to put them back if the write fails.
          const rule = item.custom.rule.load("formula");
          // getRange() throws for a rule on several areas, which a person's rule can be: getRanges() never does.
          const range = item.getRanges().load("address");
          const fill = item.custom.format.fill.load("color");
          const font = item.custom.format.font.load("color");
          customRules.push({ sheet: name, item, rule, range, fill, font });
        }
  const dvTargets = [
    ...previousValidated.map((v) => ({ ...v, previous: true })),
    ...plan.validations.map((v) => ({ sheet: v.sheet, range: v.range, previous: false })),
  ]
    .filter((v) => exists.has(v.sheet))
    .map((v) => {
      const dv = sheet(v.sheet).getRange(v.range).dataValidation;
      dv.load("type,errorAlert,rule");
      return { ...v, dv };
    });
  // A planned range that reaches past what Hyoka validated before (the sheet grew) reads as partly validated
  // (MixedCriteria): its cells outside Hyoka's recorded ranges tell whether a person's dropdown is there.
  const recorded = (name: string) =>
    previousValidated.filter((v) => v.sheet === name).map((v) => rangeBounds(v.range));
  const beyondRecord = new Map(
    plan.validations
      .filter((v) => exists.has(v.sheet) && recorded(v.sheet).length > 0)
      .map((v) => [
        `${v.sheet}!${v.range}`,
        subtract(rangeBounds(v.range), recorded(v.sheet)).map((r) => {
          const dv = sheet(v.sheet).getRange(
            a1Range(r.top, r.left, r.bottom, r.right)
          ).dataValidation;
          dv.load("type");
          return dv;
        }),
      ])
  );
  const plannedNotes: { sheet: string; cell: string; text: string; existing: Excel.Note | null }[] =
    [];
  const hyokaNotes: { sheet: string; note: Excel.Note; where: Excel.Range | null }[] = [];
  // Notes read with the workbook can be located now; otherwise they are read in this sync (and not located).
  const notesLater = new Map<string, Excel.NoteCollection>();
  if (marks && options.notes) {
    if (read.notes) {
      for (const [name, collection] of read.notes)
        for (const note of collection.items)
          if (note.content.startsWith(NOTE_PREFIX))
            hyokaNotes.push({ sheet: name, note, where: note.getLocation().load("address") });
    } else {
      for (const s of read.sheets)
        notesLater.set(s.name, sheet(s.name).notes.load("items/content"));
    }
    for (const n of plan.notes) {
      if (!exists.has(n.sheet)) continue;
      const existing = sheet(n.sheet).notes.getItemOrNullObject(`${quoteSheet(n.sheet)}!${n.cell}`);
      existing.load("content");
      plannedNotes.push({ ...n, existing });
    }
  }
  // Threaded comments where notes are planned: their cells get no note (Excel would refuse it).
  const noteSheets = new Set(plannedNotes.map((n) => n.sheet));
  let commentCollections = read.comments;
  if (lookForComments && !commentCollections && noteSheets.size > 0) {
    // A snapshot read without comments: their collections first (locations need the collection loaded).
    commentCollections = new Map(
      [...noteSheets].map((name) => [name, sheet(name).comments.load("items/content")])
    );
    syncs += 1;
    await context.sync();
  }
  const commentPlaces = lookForComments
    ? [...(commentCollections ?? new Map<string, Excel.CommentCollection>())]
        .filter(([name]) => noteSheets.has(name))
        .flatMap(([name, collection]) =>
          collection.items.map((c) => ({ sheet: name, where: c.getLocation().load("address") }))
        )
    : [];
  // Merged areas where summary values go into a template: the read saw only those meeting its cells' used range.
  const summaryMerges = plan.summaries
    .filter((s) => !s.create && exists.has(s.sheet))
    .flatMap((s) =>
      s.blocks
        .filter((block) => block.values.length > 0)
        .flatMap((block) => {
          const origin = parseA1(block.anchor);
          const width = Math.max(1, ...block.values.map((row) => row.length));
          return mergeTiles({
            rowIndex: origin.row,
            columnIndex: origin.col,
            rowCount: block.values.length,
            columnCount: width,
          }).map((t) => ({
            sheet: s.sheet,
            areas: sheet(s.sheet)
              .getRangeByIndexes(t.row, t.col, t.rows, t.cols)
              .getMergedAreasOrNullObject()
              .load("address"),
          }));
        })
    );
  // What Hyoka's summary cells and sheets hold now, to put back if the write fails.
  const writtenNow = previousSummaries.written
    .filter((w) => exists.has(w.sheet) && !previousSummaries.created.includes(w.sheet))
    .map((w) => ({
      sheet: w.sheet,
      address: w.range,
      range: sheet(w.sheet).getRange(w.range).load("values"),
    }));
  const createdNow = previousSummaries.created
    .filter((name) => exists.has(name))
    .map((name) => ({
      name,
      range: sheet(name).getUsedRange(true).load("values,rowIndex,columnIndex"),
    }));
  const workbookProtection = context.workbook.protection;
  workbookProtection.load("protected");
  syncs += 1;
  await context.sync();

  const hyokaRules = customRules.filter((r) => r.rule.formula.includes(FORMULA_MARK));
  for (const [name, collection] of notesLater)
    for (const note of collection.items)
      if (note.content.startsWith(NOTE_PREFIX)) hyokaNotes.push({ sheet: name, note, where: null });
  const isHyokaDv = (dv: Excel.DataValidation) =>
    dv.type !== "None" && dv.errorAlert?.title === VALIDATION_TITLE;
  // Dropdowns Hyoka added on an earlier run: removed now, and put back if the write fails.
  const hyokaDvs = dvTargets.filter((v) => v.previous && isHyokaDv(v.dv));
  const commented = new Set(
    commentPlaces.map((c) => `${c.sheet}\u0000${bareAddress(c.where.address)}`)
  );
  /**
   * Whether a planned dropdown range may be written: nothing there, Hyoka's own, or Hyoka's own from before plus
   * cells with no dropdown at all (the sheet grew). Anything else holds a person's dropdown, left alone.
   */
  const mayValidate = (v: { sheet: string; range: string }, dv: Excel.DataValidation) => {
    if (dv.type === "None" || isHyokaDv(dv)) return true;
    const beyond = beyondRecord.get(`${v.sheet}!${v.range}`);
    if (!beyond || beyond.some((b) => b.type !== "None")) return false;
    const planned = rangeBounds(v.range);
    const overlapping = dvTargets.filter(
      (p) => p.previous && p.sheet === v.sheet && overlaps(rangeBounds(p.range), planned)
    );
    return overlapping.length > 0 && overlapping.every((p) => isHyokaDv(p.dv));
  };

  // Every sheet the plan changes, to refuse before anything is written.
  const touched = new Set<string>([
    ...hyokaRules.map((r) => r.sheet),
    ...hyokaNotes.map((n) => n.sheet),
    ...plan.formats.map((f) => f.sheet),
    ...plan.validations.map((v) => v.sheet),
    ...plannedNotes.map((n) => n.sheet),
    ...previousSummaries.written.map((w) => w.sheet),
    ...plan.summaries.filter((s) => !s.create).map((s) => s.sheet),
    ...hyokaDvs.map((v) => v.sheet),
    ...previousCharts.map((c) => c.sheet),
    ...plan.charts.filter((c) => exists.has(c.sheet)).map((c) => c.sheet),
  ]);
  const protectedSheets = read.sheets
    .filter((s) => s.protected && touched.has(s.name))
    .map((s) => s.name);

  const changesStructure =
    plan.summaries.some((s) => s.create) ||
    previousSummaries.created.some((c) => exists.has(c)) ||
    exists.has(META_SHEET) !== !metaIsEmpty(plan.meta);
  const workbookProtected = changesStructure && workbookProtection.protected;
  // Putting back after a failure, a protected sheet is left alone: Excel refused every change to it.
  const leave = new Set(options.restoring ? protectedSheets : []);
  if (!options.restoring && (protectedSheets.length > 0 || workbookProtected))
    return { applied: false, reason: "protected", protectedSheets, workbookProtected, syncs };
  const open = <T extends { sheet: string }>(xs: T[]) => xs.filter((x) => !leave.has(x.sheet));

  const before = {
    rules: hyokaRules.map((r) => ({
      sheet: r.sheet,
      range: r.range.address,
      formula: r.rule.formula,
      fill: r.fill.color,
      font: r.font.color,
    })),
    validations: hyokaDvs.map((v) => ({
      sheet: v.sheet,
      range: v.range,
      rule: v.dv.rule,
      message: v.dv.errorAlert.message,
    })),
    notes: hyokaNotes.flatMap((n) =>
      n.where ? [{ sheet: n.sheet, address: n.where.address, text: n.note.content }] : []
    ),
    written: writtenNow.map((w) => ({ sheet: w.sheet, range: w.address, values: w.range.values })),
    created: createdNow.map((c) => ({
      name: c.name,
      row: c.range.rowIndex,
      col: c.range.columnIndex,
      values: c.range.values,
    })),
  };
  const mergesOn = (name: string): MergedArea[] => [
    ...(read.grids.find((g) => g.name === name)?.merges ?? []),
    ...summaryMerges
      .filter((m) => m.sheet === name && !m.areas.isNullObject)
      .flatMap((m) => areasOf(m.areas.address)),
  ];
  const batch = new WriteBatcher(context, options.requestBudget);
  const skipped: Extract<ApplyOutcome, { applied: true }>["skipped"] = [];
  const added = { formatRules: 0, formatRanges: 0, validations: 0, notes: 0, sheets: 0, charts: 0 };
  const removed = { formatRules: 0, validations: 0, notes: 0, sheets: 0, charts: 0 };
  try {
    const writeMeta = async (meta: HyokaMeta, metaExists: boolean) => {
      const text = JSON.stringify(meta);
      await batch.add(jsonBytes(text), () => {
        const ws = metaExists ? sheet(META_SHEET) : context.workbook.worksheets.add(META_SHEET);
        ws.getRange("A1").values = [[text]];
        if (!metaExists) ws.visibility = "VeryHidden";
      });
    };
    // The record first names everything old and new, so an interrupted run can still be cleared completely.
    const recordAll = union(plan.previous, plan.meta);
    const alreadyRecorded =
      exists.has(META_SHEET) &&
      JSON.stringify(recordAll) === JSON.stringify(union(plan.previous, null));
    if (!metaIsEmpty(recordAll) && !alreadyRecorded)
      await writeMeta(recordAll, exists.has(META_SHEET));
    const metaNowExists = exists.has(META_SHEET) || !metaIsEmpty(recordAll);

    for (const r of open(hyokaRules))
      await batch.add(64, () => {
        r.item.delete();
        removed.formatRules += 1;
      });
    for (const v of open(hyokaDvs))
      await batch.add(64, () => {
        v.dv.clear();
        removed.validations += 1;
      });
    for (const n of open(hyokaNotes))
      await batch.add(64, () => {
        n.note.delete();
        removed.notes += 1;
      });
    for (const c of open(previousCharts))
      if (!c.chart.isNullObject)
        await batch.add(64, () => {
          c.chart.delete();
          removed.charts += 1;
        });
    for (const name of previousSummaries.created.filter((c) => !leave.has(c)))
      if (exists.has(name))
        await batch.add(64, () => {
          sheet(name).delete();
          removed.sheets += 1;
        });
    for (const w of open(previousSummaries.written))
      if (exists.has(w.sheet) && !previousSummaries.created.includes(w.sheet))
        await batch.add(64, () => sheet(w.sheet).getRange(w.range).clear("Contents"));

    for (const f of open(plan.formats)) {
      if (!exists.has(f.sheet)) continue;
      await batch.add(jsonBytes(f), () => {
        const range = sheet(f.sheet).getRange(f.range);
        for (const rule of f.rules) {
          const cf = range.conditionalFormats.add("Custom");
          cf.custom.rule.formula = `=${rule.formula}`;
          cf.custom.format.fill.color = rule.fill;
          cf.custom.format.font.color = rule.font;
          added.formatRules += 1;
        }
        added.formatRanges += 1;
      });
    }
    const planned = new Map(
      dvTargets.filter((v) => !v.previous).map((v) => [`${v.sheet}!${v.range}`, v.dv])
    );
    for (const v of open(plan.validations)) {
      const dv = planned.get(`${v.sheet}!${v.range}`);
      if (!dv) continue;
      if (!mayValidate(v, dv)) {
        skipped.push({ sheet: v.sheet, cell: v.range, what: "validation" });
        continue;
      }
      await batch.add(jsonBytes(v), () => {
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
        dv.errorAlert = {
          showAlert: true,
          style: "Warning",
          title: VALIDATION_TITLE,
          message: v.message,
        };
        dv.ignoreBlanks = true;
        added.validations += 1;
      });
    }
    for (const n of open(plannedNotes)) {
      const own =
        n.existing && !n.existing.isNullObject && !n.existing.content.startsWith(NOTE_PREFIX);
      if (own) {
        skipped.push({ sheet: n.sheet, cell: n.cell, what: "note" });
        continue;
      }
      if (commented.has(`${n.sheet}\u0000${n.cell}`)) {
        skipped.push({ sheet: n.sheet, cell: n.cell, what: "comment" });
        continue;
      }
      await batch.add(jsonBytes(n.text), () => {
        const ws = sheet(n.sheet);
        ws.notes.add(ws.getRange(n.cell), n.text);
        added.notes += 1;
      });
    }
    for (const s of plan.summaries.filter((x) => x.create || !leave.has(x.sheet))) {
      if (!s.create && !exists.has(s.sheet)) continue;
      await batch.add(64, () => {
        if (s.create) {
          context.workbook.worksheets.add(s.sheet);
          added.sheets += 1;
        }
      });
      for (const block of s.blocks) {
        if (block.values.length === 0) continue;
        const origin = parseA1(block.anchor);
        // A city's summary runs to thousands of rows: written in slices, so no request passes the budget and
        // the batcher can fill each sync.
        for (const slice of rowSlices(padRows(block.values), SLICE_BYTES)) {
          const address = a1Range(
            origin.row + slice.offset,
            origin.col,
            origin.row + slice.offset + slice.rows.length - 1,
            origin.col + slice.rows[0].length - 1
          );
          const top = origin.row + slice.offset;
          const hidden = s.create
            ? new Set<string>()
            : coveredCells(mergesOn(s.sheet), {
                top,
                left: origin.col,
                bottom: top + slice.rows.length - 1,
                right: origin.col + slice.rows[0].length - 1,
              });
          if (hidden.size > 0) {
            // A template's merged cells: only each merged area's top-left cell takes a value.
            for (const run of visibleRuns(slice.rows, top, origin.col, hidden, (cell) =>
              skipped.push({ sheet: s.sheet, cell, what: "merged" })
            ))
              await batch.add(jsonBytes(run.values), () => {
                sheet(s.sheet).getRange(run.address).values = [run.values];
              });
            continue;
          }
          await batch.add(slice.bytes, () => {
            const range = sheet(s.sheet).getRange(address);
            range.values = slice.rows;
            // Only Hyoka's own sheets get its formatting; a template keeps its own.
            if (s.create) {
              range.format.wrapText = true;
              range.format.verticalAlignment = "Top";
            }
          });
        }
      }
      if (s.create)
        await batch.add(64 * (s.bold.length + s.columnWidths.length), () => {
          const ws = sheet(s.sheet);
          for (const b of s.bold) ws.getRange(b).format.font.bold = true;
          // ExcelJS widths are characters; Excel's are points (about 7 per character of the default font).
          s.columnWidths.forEach((w, i) => {
            ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * 7;
          });
        });
    }

    for (const c of plan.charts.filter((x) => !leave.has(x.sheet))) {
      if (!exists.has(c.sheet) && !plan.summaries.some((s) => s.create && s.sheet === c.sheet))
        continue;
      await batch.add(jsonBytes(c), () => {
        const ws = sheet(c.sheet);
        const chart = ws.charts.add("BarStacked", ws.getRange(seriesSource(c)), "Columns");
        chart.name = c.name;
        chart.title.text = c.title;
        c.series.forEach((s, i) => {
          const series = chart.series.getItemAt(i);
          series.name = s.name;
          if (s.color) series.format.fill.setSolidColor(s.color);
        });
        const categories = chart.axes.categoryAxis;
        categories.setCategoryNames(ws.getRange(c.categories));
        // The first 経営課題 on top, as in the tally, with the value axis still below the bars.
        categories.reversePlotOrder = true;
        categories.position = "Maximum";
        chart.setPosition(c.from, c.to);
        added.charts += 1;
      });
    }

    if (metaIsEmpty(plan.meta)) {
      if (metaNowExists)
        await batch.add(64, () => {
          const ws = sheet(META_SHEET);
          // Excel refuses to delete a very hidden sheet.
          ws.visibility = "Hidden";
          ws.delete();
        });
    } else if (JSON.stringify(plan.meta) !== JSON.stringify(recordAll)) {
      await writeMeta(plan.meta!, metaNowExists);
    }
    await batch.flush();
  } catch (error) {
    if (options.restoring) throw error;
    // Put back what was there: everything Hyoka may have added goes, what it had added before returns.
    let restored = false;
    try {
      const outcome = await applyPlan(context, restorePlan(plan, before), undefined, {
        ...options,
        restoring: true,
      });
      restored = outcome.applied;
      syncs += outcome.syncs;
    } catch {
      restored = false;
    }
    return { applied: false, reason: "failed", error, restored, syncs: syncs + batch.syncs };
  }
  return {
    applied: true,
    skipped,
    notesSkipped: marks && !options.notes && plan.notes.length > 0,
    added,
    removed,
    syncs: syncs + batch.syncs,
    largestRequest: batch.largestRequest,
  };
}
