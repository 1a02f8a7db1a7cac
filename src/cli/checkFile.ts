import { promises as fs } from "fs";
import * as path from "path";
import { checkWorkbook, toJsonReport, type JsonReport, type Lang } from "../core/report";
import { buildWritePlan } from "../core/plan";
import type { Profile } from "../core/profile";
import { readGrids } from "../xlsx/readGrids";
import { applyPlanToWorkbook } from "../xlsx/applyPlan";
import { loadWorkbook, saveWorkbook, UnusableFileError } from "../xlsx/files";

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
      findings: { error: number; warning: number; info: number };
      initiatives: number;
      evaluationSheets: number;
    }
  | { file: string; ok: false; ja: string; en: string };

/** One workbook of a batch: check, write its report and copy, and return only what the combined tally needs. */
export async function checkFile(job: FileJob, profile: Profile): Promise<FileOutcome> {
  try {
    const workbook = await loadWorkbook(job.file);
    const result = checkWorkbook(readGrids(workbook), profile);
    const report = toJsonReport(result, profile, job.lang, path.basename(job.file));
    if (job.json) {
      await fs.mkdir(path.dirname(job.json), { recursive: true });
      await fs.writeFile(job.json, `${JSON.stringify(report, null, 2)}\n`, "utf8");
    }
    if (job.out) {
      applyPlanToWorkbook(workbook, buildWritePlan(result, profile, job.lang));
      await fs.mkdir(path.dirname(job.out), { recursive: true });
      await saveWorkbook(workbook, job.out);
    }
    const count = (s: "error" | "warning" | "info") =>
      report.findings.filter((f) => f.severity === s).length;
    return {
      file: job.file,
      ok: true,
      byIssue: report.summary.byIssue,
      total: report.summary.total,
      findings: { error: count("error"), warning: count("warning"), info: count("info") },
      initiatives: report.initiatives.length,
      evaluationSheets: report.sheets.filter((s) => s.role === "outcome" || s.role === "initiative")
        .length,
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
