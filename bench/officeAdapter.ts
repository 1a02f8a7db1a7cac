/** The Office adapter against the sync-counting Excel stand-in: syncs, payloads, rules and validations. */
import type ExcelJS from "exceljs";
import { readWorkbook } from "../src/excel/readWorkbook";
import { applyPlan } from "../src/excel/applyPlan";
import { checkWorkbook } from "../src/core/report";
import { buildWritePlan } from "../src/core/plan";
import { defaultProfile } from "../src/core/profile";
import { MockExcelHost } from "../test/host/mockExcel";
import { bookFromJson } from "../test/host/mockBook";
import { bookJsonFromWorkbook } from "../test/host/fromXlsx";

export interface OfficeFigures {
  readSyncs: number;
  applySyncs: number;
  /** The read of the next button press, which knows from the first whether the workbook is large. */
  nextReadSyncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  formatRules: number;
  formatRanges: number;
  statusColumnRanges: number;
  validationRanges: number;
  applied: boolean;
}

/** `payloadLimit`: Excel on the web refuses requests and responses over 5 MB; desktop Excel has no such limit. */
export async function measureOffice(wb: ExcelJS.Workbook, payloadLimit: number): Promise<OfficeFigures> {
  const host = new MockExcelHost(bookFromJson(bookJsonFromWorkbook(wb)), { payloadLimit });
  const context = host.context();
  // As the pane does: desktop Excel is told it has no payload limit, so its read is never sized down.
  const unlimitedPayload = !Number.isFinite(payloadLimit);
  const snapshot = await readWorkbook(context, { unlimitedPayload });
  // A second press on the same workbook, as after 検証: it knows from the first whether the workbook is large.
  const next = await readWorkbook(host.context(), { large: snapshot.large, unlimitedPayload });
  const result = checkWorkbook(snapshot.grids, defaultProfile);
  const plan = buildWritePlan(result, defaultProfile, "ja");
  const outcome = await applyPlan(context, plan, snapshot, {
    notes: true,
    requestBudget: Number.isFinite(payloadLimit) ? undefined : Number.POSITIVE_INFINITY,
  });
  return {
    readSyncs: snapshot.syncs,
    applySyncs: outcome.syncs,
    nextReadSyncs: next.syncs,
    largestRequestBytes: host.largestRequest,
    largestResponseBytes: host.largestResponse,
    formatRules: outcome.applied ? outcome.added.formatRules : 0,
    formatRanges: outcome.applied ? outcome.added.formatRanges : 0,
    statusColumnRanges: plan.formats.length,
    validationRanges: outcome.applied ? outcome.added.validations : 0,
    applied: outcome.applied,
  };
}
