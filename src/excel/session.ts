import { buildClearPlan, buildWritePlan, restrictPlan, type WritePlan } from "../core/plan";
import type { Profile } from "../core/profile";
import { toJsonReport, type JsonReport, type Lang } from "../core/report";
import { startLiveCheck, type LiveCheck } from "../core/incremental";
import { applyPlan, type ApplyOutcome } from "./applyPlan";
import { readWorkbook } from "./readWorkbook";

/** The task pane's four buttons. */
export type Action = "check" | "color" | "summary" | "clear";

/** Excel.run with options, or a stand-in of it. */
export type ExcelRunner = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

export interface ActionResult {
  action: Action;
  report: JsonReport;
  /** Null for 検証, which only reads. */
  outcome: ApplyOutcome | null;
  syncs: number;
  /** The grids read and their judgement, for the pane to follow edits from (the grids as read, before any write). */
  live: LiveCheck;
}

export interface ActionOptions {
  profile: Profile;
  lang: Lang;
  run: ExcelRunner;
  notes: boolean;
  /**
   * Threaded comments can be read (ExcelApi 1.10), so notes keep off their cells. Defaults to `notes`: an Excel
   * with notes (ExcelApi 1.18) has comments too.
   */
  comments?: boolean;
  /** False on Excel on the web, which limits each request to 5 MB. */
  unlimitedPayload?: boolean;
  /**
   * What the pane remembers of this workbook between presses: whether its cells were too large for one response.
   * runAction reads it and updates it, so the next press goes straight to chunks.
   */
  memory?: { large: boolean };
  /**
   * Turn this add-in's events off while it writes (Runtime.enableEvents, ExcelApi 1.8), so its own writes raise no
   * onChanged: for an Excel without WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14). One more sync turns
   * them back on.
   */
  quietEvents?: boolean;
}

function planFor(action: Action, plan: WritePlan): WritePlan {
  if (action === "color") return restrictPlan(plan, { marks: true, summaries: false });
  if (action === "summary") return restrictPlan(plan, { marks: false, summaries: true });
  return plan;
}

/**
 * One button press: read the workbook, judge it, and for every button but 検証 carry out its part of the plan,
 * all in one Excel.run that waits while the user is typing in a cell.
 */
export async function runAction(action: Action, options: ActionOptions): Promise<ActionResult> {
  const { run } = options;
  return run({ delayForCellEdit: true }, async (context) => {
    const quiet = Boolean(options.quietEvents) && action !== "check";
    if (!quiet) return pressed(action, options, context);
    context.runtime.enableEvents = false;
    try {
      const result = await pressed(action, options, context);
      return { ...result, syncs: result.syncs + 1 };
    } finally {
      context.runtime.enableEvents = true;
      await context.sync();
    }
  });
}

async function pressed(
  action: Action,
  options: ActionOptions,
  context: Excel.RequestContext
): Promise<ActionResult> {
  const { profile, lang } = options;
  const comments = options.notes && (options.comments ?? true);
  const snapshot = await readWorkbook(context, {
    notes: options.notes && action !== "check",
    comments: comments && action === "color",
    large: options.memory?.large,
    unlimitedPayload: options.unlimitedPayload,
  });
  if (options.memory) options.memory.large = snapshot.large;
  const live = startLiveCheck(snapshot.grids, profile);
  const result = live.result;
  const report = toJsonReport(result, profile, lang);
  if (action === "check") return { action, report, outcome: null, syncs: snapshot.syncs, live };
  const plan =
    action === "clear"
      ? buildClearPlan(snapshot.grids)
      : planFor(action, buildWritePlan(result, profile, lang));
  const outcome = await applyPlan(context, plan, snapshot, {
    notes: options.notes,
    comments,
    requestBudget: options.unlimitedPayload ? Number.POSITIVE_INFINITY : undefined,
  });
  return { action, report, outcome, syncs: snapshot.syncs + outcome.syncs, live };
}

/**
 * Shows a finding's cell: activates its sheet and selects the cell. A hidden sheet is left hidden and not
 * activated (Excel refuses to activate one): "hidden" says so, for the pane to tell the user.
 */
export async function selectCell(
  run: ExcelRunner,
  sheet: string,
  cell: string
): Promise<"selected" | "hidden"> {
  return run({ delayForCellEdit: true }, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load("visibility");
    await context.sync();
    if (ws.visibility !== "Visible") return "hidden";
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
    return "selected";
  });
}
