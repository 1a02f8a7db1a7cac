import * as path from "path";
import {
  checkWorkbook,
  toJsonReport,
  toReportOverview,
  type JsonReport,
  type Lang,
} from "../core/report";
import { buildWritePlan } from "../core/plan";
import type { Profile } from "../core/profile";
import { loadBook, saveBook, UnusableFileError } from "../xlsx/files";
import { isEvaluationRole } from "../core/recognize";
import { noEvaluationSheet } from "./unusableWorkbook";
import { findingCounts, writeJsonFile, type FindingCounts } from "./reportFile";

export interface FileJob {
  file: string;
  /** Where this file's JSON report goes, if anywhere. */
  json?: string;
  /** Where this file's checked copy goes, if anywhere. */
  out?: string;
  lang: Lang;
}

export type FileOutcome =
  | {
      file: string;
      ok: true;
      byIssue: JsonReport["summary"]["byIssue"];
      total: JsonReport["summary"]["total"];
      findings: FindingCounts;
      initiatives: number;
      evaluationSheets: number;
    }
  | { file: string; ok: false; ja: string; en: string };

/** One workbook of a batch: check, write its report and copy, and return only what the combined tally needs. */
export async function checkFile(job: FileJob, profile: Profile): Promise<FileOutcome> {
  try {
    const book = await loadBook(job.file);
    const result = checkWorkbook(book.grids, profile);
    const file = path.basename(job.file);
    // The tally needs only the report's overview; every row's reasons are written only for a JSON report.
    const fullReport = job.json ? toJsonReport(result, profile, job.lang, file) : null;
    const report = fullReport ?? toReportOverview(result, profile, job.lang, file);
    const unusable = noEvaluationSheet(report, profile);
    if (unusable) return { file: job.file, ok: false, ...unusable };
    if (job.json) await writeJsonFile(job.json, fullReport);
    if (job.out) await saveBook(book, buildWritePlan(result, profile, job.lang), job.out);
    return {
      file: job.file,
      ok: true,
      byIssue: report.summary.byIssue,
      total: report.summary.total,
      findings: findingCounts(report),
      initiatives: report.initiatives.length,
      evaluationSheets: report.sheets.filter((s) => isEvaluationRole(s.role)).length,
    };
  } catch (e) {
    if (e instanceof UnusableFileError) return { file: job.file, ok: false, ja: e.ja, en: e.en };
    const message = (e as Error).message;
    return {
      file: job.file,
      ok: false,
      ja: `予期しないエラー: ${message}`,
      en: `unexpected error: ${message}`,
    };
  }
}
