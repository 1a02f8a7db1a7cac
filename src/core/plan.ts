import { a1, a1Range, type SheetGrid } from "./grid";
import type { Profile, StatusColorKey } from "./profile";
import type { SheetLayout } from "./recognize";
import { EMPTY_META, readMeta, type ChartSpec, type HyokaMeta } from "./meta";
import { isBlankLike } from "./normalize";
import type { CheckResult, Lang } from "./report";
import type { Finding } from "./rules/finding";

/** Text inside every rule, title and note Hyoka adds, so a later run or `clear` finds exactly what Hyoka added. */
export const MARKER = "hyoka";
export const NOTE_PREFIX = "[Hyoka]";
export const VALIDATION_TITLE = "Hyoka";
/** A no-op clause that makes a conditional-format formula recognizable as Hyoka's in Excel and in files. */
export const FORMULA_MARK = `N("${MARKER}")=0`;

export interface CfRule {
  code: StatusColorKey;
  /** Excel formula without "=", relative to the range's top-left cell. */
  formula: string;
  fill: string;
  font: string;
}

export interface ConditionalFormatPlan {
  sheet: string;
  range: string;
  rules: CfRule[];
}

export interface ValidationPlan {
  sheet: string;
  range: string;
  list: string[];
  message: string;
}

export interface NotePlan {
  sheet: string;
  cell: string;
  text: string;
}

export interface SummarySheetPlan {
  sheet: string;
  /** True: Hyoka creates (or re-creates) the sheet; false: it fills an existing sheet below its header. */
  create: boolean;
  /** Blocks of values, each anchored at its top-left cell. */
  blocks: { anchor: string; values: (string | number)[][] }[];
  /** Cells to show bold (titles and headers of a created sheet). */
  bold: string[];
  columnWidths: number[];
}

export type { ChartSpec, HyokaMeta };

/** The name of Hyoka's tally chart: a later run and `clear` remove the chart of this name that `_hyoka` records. */
export const TALLY_CHART_NAME = "Hyoka 集計グラフ";

/** A chart to draw, with the values it shows now (a file's chart part caches them; Excel reads the cells). */
export interface ChartPlan extends ChartSpec {
  cache: { categories: string[]; values: number[][] };
}

/** Which of Hyoka's earlier additions a plan replaces; the other kind is left as it is. */
export interface PlanParts {
  /** Conditional formats, dropdowns and notes on the evaluation sheets. */
  marks: boolean;
  /** The summary values Hyoka filled and the sheets it created. */
  summaries: boolean;
}

export interface WritePlan {
  /** Remove what earlier runs added (marked rules, validations and notes; `previous.written`; `previous.created`). */
  previous: HyokaMeta;
  replace: PlanParts;
  formats: ConditionalFormatPlan[];
  validations: ValidationPlan[];
  notes: NotePlan[];
  summaries: SummarySheetPlan[];
  /** Charts of the tally, drawn after the summary values (their sheets exist by then). */
  charts: ChartPlan[];
  /** The record to keep in `_hyoka`; null to remove the sheet (after `clear`). */
  meta: HyokaMeta | null;
}

function lastContentRow(grid: SheetGrid): number {
  for (let r = grid.cells.length - 1; r >= 0; r--)
    if (grid.cells[r].some((c) => c.trim() !== "")) return r;
  return -1;
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function symbolFormula(cell: string, spellings: string[]): string {
  const parts = spellings.map((s) => `EXACT(TRIM(${cell}),${quote(s)})`);
  return `AND(OR(${parts.join(",")}),${FORMULA_MARK})`;
}

function leadingFormula(cell: string, spellings: string[]): string {
  const parts = spellings.map((s) => `EXACT(LEFT(TRIM(${cell}),${s.length}),${quote(s)})`);
  return `AND(OR(${parts.join(",")}),${FORMULA_MARK})`;
}

interface StatusColumn {
  field: string;
  codes: Record<string, string[]>;
  leading: boolean;
  list: string[];
  message: { ja: string; en: string };
}

/** A one-symbol status column (○/×, A/B, a/b, ア/イ): the dropdown and message come from its code table. */
function symbolColumn(field: string, codes: Record<string, string[]>): StatusColumn {
  const list = Object.keys(codes);
  return {
    field,
    codes,
    leading: false,
    list,
    message: { ja: `${list.join(" か ")} を選んでください`, en: `Choose ${list.join(" or ")}` },
  };
}

function statusColumns(profile: Profile): Record<"initiative" | "outcome", StatusColumn[]> {
  const c = profile.codes;
  return {
    initiative: [
      {
        field: "achievement",
        codes: c.achievement,
        leading: true,
        list: ["①(i)", "①(ii)", "②(i)", "②(ii)", "③"],
        message: {
          ja: "①(i)・①(ii)・②(i)・②(ii)・③ から選んでください",
          en: "Choose ①(i), ①(ii), ②(i), ②(ii) or ③",
        },
      },
      symbolColumn("effectiveness", c.effectiveness),
    ],
    outcome: [
      symbolColumn("individualStatus", c.indicatorStatus),
      symbolColumn("overallStatus", c.indicatorStatus),
      symbolColumn("progress", c.progress),
      symbolColumn("strategyEffectiveness", c.strategyEffectiveness),
    ],
  };
}

/** Conditional formats and dropdowns: one rule set and one validation per status column range, never per cell. */
function formatsAndValidations(
  grids: SheetGrid[],
  layouts: SheetLayout[],
  profile: Profile,
  lang: Lang
): { formats: ConditionalFormatPlan[]; validations: ValidationPlan[] } {
  const formats: ConditionalFormatPlan[] = [];
  const validations: ValidationPlan[] = [];
  const columns = statusColumns(profile);
  layouts.forEach((layout, i) => {
    if ((layout.role !== "initiative" && layout.role !== "outcome") || layout.missing.length > 0)
      return;
    const top = layout.headerBottom + 1;
    const bottom = lastContentRow(grids[i]);
    if (bottom < top) return;
    for (const col of columns[layout.role]) {
      const c = layout.columns[col.field];
      if (c === undefined) continue;
      const range = a1Range(top, c, bottom, c);
      const cell = a1(top, c);
      formats.push({
        sheet: layout.sheet,
        range,
        rules: Object.entries(col.codes).map(([code, spellings]) => ({
          code: code as StatusColorKey,
          formula: col.leading ? leadingFormula(cell, spellings) : symbolFormula(cell, spellings),
          fill: profile.colors[code as StatusColorKey].fill,
          font: profile.colors[code as StatusColorKey].font,
        })),
      });
      validations.push({ sheet: layout.sheet, range, list: col.list, message: col.message[lang] });
    }
  });
  return { formats, validations };
}

const SEVERITY_WORD = {
  ja: { error: "エラー", warning: "注意", info: "情報" },
  en: { error: "Error", warning: "Warning", info: "Info" },
} as const;

/** One note per cell with findings, all of that cell's findings in it. */
export function notesFor(findings: Finding[], lang: Lang): NotePlan[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell || !f.sheet) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  return [...byCell.entries()].map(([key, fs]) => {
    const [sheet, cell] = key.split("\u0000");
    const lines = fs.map((f) => `■${SEVERITY_WORD[lang][f.severity]}: ${f.message[lang]}`);
    return { sheet, cell, text: `${NOTE_PREFIX}\n${lines.join("\n")}` };
  });
}

/** True when nothing is below the header (earlier runs' values are already gone from these grids). */
function freeBelowHeader(grid: SheetGrid, layout: SheetLayout): boolean {
  for (let r = layout.headerBottom + 1; r < grid.cells.length; r++) {
    if (grid.cells[r].some((c) => !isBlankLike(c))) return false;
  }
  return true;
}

/** Excel's limit: a worksheet name "must be fewer than 32 characters". */
const SHEET_NAME_MAX = 31;

function uniqueSheetName(base: string, taken: Set<string>): string {
  const title = base.slice(0, SHEET_NAME_MAX);
  if (!taken.has(title)) return title;
  for (let i = 1; ; i++) {
    const suffix = `（Hyoka${i > 1 ? i : ""}）`;
    const name = `${title.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(name)) return name;
  }
}

function tallyRows(result: CheckResult, profile: Profile): (string | number)[][] {
  const { summary } = result;
  return [
    ...summary.byIssue.map((t) => [
      `${profile.summary.issueLabel}${t.issueNo}`,
      t.name,
      t.achieved,
      t.notAchieved,
    ]),
    [profile.summary.totalLabel, "", summary.total.achieved, summary.total.notAchieved],
  ];
}

function strategyRows(result: CheckResult, lang: Lang): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const s of result.summary.byStrategy) {
    rows.push([], [`戦略${s.code}`], ["具体的取組", "目標達成状況"]);
    s.initiatives.forEach((i, n) =>
      rows.push([
        `(${n + 1}) ${i.title}${i.relisted ? " <再掲>" : ""}`,
        i.status ?? (lang === "ja" ? "（未記入）" : "(empty)"),
      ])
    );
  }
  return rows;
}

function unmetRows(result: CheckResult): (string | number)[][] {
  return result.summary.unmet.map((u) => [u.title, u.situation, u.remedy]);
}

const TALLY_SERIES = ["達成", "未達成"];
const CHART_TITLE = { ja: "経営課題別の業績目標の達成状況", en: "Targets achieved by management issue" };
/** The chart's size in cells: wide enough for its labels, a row and a half per 経営課題 (at least 15 rows). */
const CHART_COLUMNS = 8;
const CHART_MIN_ROWS = 15;

/** The rightmost column holding anything in rows top..bottom, or -1. */
function rightmostUsed(grid: SheetGrid | null, top: number, bottom: number): number {
  let right = -1;
  for (let r = top; r <= bottom && grid && r < grid.cells.length; r++)
    grid.cells[r].forEach((c, i) => {
      if (!isBlankLike(c)) right = Math.max(right, i);
    });
  return right;
}

/**
 * 達成 / 未達成 per 経営課題 as stacked bars, referring to the tally's cells, placed beside the tally block from its
 * header row: one column right of the block and of anything a person has in those rows.
 */
function tallyChart(
  result: CheckResult,
  profile: Profile,
  lang: Lang,
  at: { sheet: string; top: number; left: number; grid: SheetGrid | null }
): ChartPlan {
  const issues = result.summary.byIssue;
  const bottom = at.top + issues.length - 1;
  const rows = Math.max(CHART_MIN_ROWS, Math.ceil(issues.length * 1.5) + 4);
  const top = at.top - 1;
  const left = Math.max(at.left + 4, rightmostUsed(at.grid, top, top + rows - 1) + 1) + 1;
  return {
    sheet: at.sheet,
    name: TALLY_CHART_NAME,
    title: CHART_TITLE[lang],
    categories: a1Range(at.top, at.left, bottom, at.left),
    series: TALLY_SERIES.map((name, i) => ({
      name,
      values: a1Range(at.top, at.left + 2 + i, bottom, at.left + 2 + i),
      color: i === 0 ? profile.summary.chartColors.achieved : profile.summary.chartColors.notAchieved,
    })),
    from: a1(top, left),
    to: a1(top + rows - 1, left + CHART_COLUMNS - 1),
    cache: {
      categories: issues.map((t) => `${profile.summary.issueLabel}${t.issueNo}`),
      values: [issues.map((t) => t.achieved), issues.map((t) => t.notAchieved)],
    },
  };
}

/**
 * The summary sheets: an existing 業績目標の達成状況 / 目標未達成の取組み sheet is filled below its header when
 * nothing a person typed is there; otherwise Hyoka creates its own sheet.
 */
function summarySheets(
  grids: SheetGrid[],
  layouts: SheetLayout[],
  result: CheckResult,
  profile: Profile,
  lang: Lang
): { plans: SummarySheetPlan[]; meta: HyokaMeta; charts: ChartPlan[] } {
  const meta: HyokaMeta = { ...EMPTY_META, written: [], created: [], charts: [] };
  const plans: SummarySheetPlan[] = [];
  const taken = new Set(grids.map((g) => g.name));

  const place = (
    role: "tallySummary" | "unmetSummary",
    title: string,
    header: string[],
    rows: (string | number)[][],
    widths: number[]
  ): { sheet: string; create: boolean; top: number; left: number; grid: SheetGrid | null } => {
    const layout = layouts.find(
      (l, i) => l.role === role && l.missing.length === 0 && freeBelowHeader(grids[i], l)
    );
    if (layout) {
      const top = layout.headerBottom + 1;
      const left = Math.min(...Object.values(layout.columns));
      const anchor = a1(top, left);
      const width = Math.max(...rows.map((r) => r.length), 1);
      plans.push({
        sheet: layout.sheet,
        create: false,
        blocks: [{ anchor, values: rows }],
        bold: [],
        columnWidths: [],
      });
      if (rows.length > 0)
        meta.written.push({
          sheet: layout.sheet,
          range: a1Range(top, left, top + rows.length - 1, left + width - 1),
        });
      return { sheet: layout.sheet, create: false, top, left, grid: grids[layouts.indexOf(layout)] };
    }
    const name = uniqueSheetName(title, taken);
    taken.add(name);
    meta.created.push(name);
    plans.push({
      sheet: name,
      create: true,
      blocks: [{ anchor: "A1", values: [[title], header, ...rows] }],
      bold: ["A1", ...header.map((_, i) => a1(1, i))],
      columnWidths: widths,
    });
    return { sheet: name, create: true, top: 2, left: 0, grid: null };
  };

  const tallyHeader = [profile.summary.issueLabel, "", ...TALLY_SERIES];
  const tally = place(
    "tallySummary",
    profile.summary.tallySheetName,
    tallyHeader,
    [...tallyRows(result, profile), ...strategyRows(result, lang)],
    [16, 40, 10, 10]
  );
  place(
    "unmetSummary",
    profile.summary.unmetSheetName,
    ["具体的取組", "目標未達成の状況", "対応・改善策など"],
    unmetRows(result),
    [30, 60, 60]
  );
  const charts = result.summary.byIssue.length > 0 ? [tallyChart(result, profile, lang, tally)] : [];
  meta.charts = charts.map(({ cache: _, ...spec }) => spec);
  return { plans, meta, charts };
}

/** Everything Hyoka adds to the workbook for one check, as data; adapters only carry it out. */
export function buildWritePlan(result: CheckResult, profile: Profile, lang: Lang): WritePlan {
  const { grids, previous } = result;
  const layouts = result.evaluation.sheets;
  const { formats, validations } = formatsAndValidations(grids, layouts, profile, lang);
  const { plans, meta, charts } = summarySheets(grids, layouts, result, profile, lang);
  return {
    previous,
    replace: { marks: true, summaries: true },
    formats,
    validations,
    notes: notesFor(result.findings, lang),
    summaries: plans,
    charts,
    meta: { ...meta, validated: validations.map((v) => ({ sheet: v.sheet, range: v.range })) },
  };
}

/** True when the record names nothing, so `_hyoka` is not needed. */
export function metaIsEmpty(meta: HyokaMeta | null): boolean {
  return (
    !meta ||
    (meta.written.length === 0 &&
      meta.created.length === 0 &&
      meta.validated.length === 0 &&
      meta.charts.length === 0)
  );
}

/**
 * Only one part of a plan: the task pane's 色分け (marks) and 集計表 (summaries) buttons each replace their own
 * kind of addition and keep the record of the other.
 */
export function restrictPlan(plan: WritePlan, parts: PlanParts): WritePlan {
  const previous = plan.previous;
  const next = plan.meta ?? EMPTY_META;
  return {
    previous,
    replace: parts,
    formats: parts.marks ? plan.formats : [],
    validations: parts.marks ? plan.validations : [],
    notes: parts.marks ? plan.notes : [],
    summaries: parts.summaries ? plan.summaries : [],
    charts: parts.summaries ? plan.charts : [],
    meta: {
      version: 1,
      written: parts.summaries ? next.written : previous.written,
      created: parts.summaries ? next.created : previous.created,
      validated: parts.marks ? next.validated : previous.validated,
      charts: parts.summaries ? next.charts : previous.charts,
    },
  };
}

/** A plan that only removes what Hyoka added. */
export function buildClearPlan(grids: SheetGrid[]): WritePlan {
  return {
    previous: readMeta(grids),
    replace: { marks: true, summaries: true },
    formats: [],
    validations: [],
    notes: [],
    summaries: [],
    charts: [],
    meta: null,
  };
}
