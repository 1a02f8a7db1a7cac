import type { JsonReport } from "../core/report";

export interface CodeCount {
  code: string;
  count: number;
}

function countBy<T>(items: T[], key: (item: T) => string | null, codes: string[]): CodeCount[] {
  const counts = new Map<string, number>([...codes, ""].map((c) => [c, 0]));
  for (const item of items) {
    const k = key(item) ?? "";
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({ code, count }));
}

/** How many of each recorded code the sheets hold ("" counts the empty ones). */
export function recordedCounts(report: JsonReport): {
  achievement: CodeCount[];
  indicator: CodeCount[];
  progress: CodeCount[];
} {
  return {
    achievement: countBy(report.initiatives, (i) => i.recorded.achievement, ["①", "②", "③"]),
    indicator: countBy(report.outcomes, (o) => o.recorded, ["A", "B"]),
    progress: countBy(report.strategies, (s) => s.recordedProgress, ["a", "b"]),
  };
}

/** Findings grouped by severity, then by sheet, in the report's order. */
export function groupFindings(findings: JsonReport["findings"]): {
  severity: "error" | "warning" | "info";
  sheets: { sheet: string; findings: JsonReport["findings"] }[];
}[] {
  return (["error", "warning", "info"] as const)
    .map((severity) => {
      const mine = findings.filter((f) => f.severity === severity);
      const sheets = [...new Set(mine.map((f) => f.sheet))].map((sheet) => ({
        sheet,
        findings: mine.filter((f) => f.sheet === sheet),
      }));
      return { severity, sheets };
    })
    .filter((g) => g.sheets.length > 0);
}
