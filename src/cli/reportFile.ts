import { promises as fs } from "fs";
import * as path from "path";
import type { JsonReport } from "../core/report";

/** A JSON file as Hyoka writes its reports: indented, with a final newline, its directory made if missing. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`, "utf8");
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export function findingCounts(report: Pick<JsonReport, "findings">): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity] += 1;
  return counts;
}

/** Whether `--fail-on` turns these findings into exit code 1. */
export function failsAt(counts: FindingCounts, failOn: "error" | "warning" | undefined): boolean {
  if (!failOn) return false;
  return counts.error > 0 || (failOn === "warning" && counts.warning > 0);
}
