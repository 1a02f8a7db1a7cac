import type { JsonReport } from "../core/report";

type ReportInitiative = JsonReport["initiatives"][number];

/** One initiative as the withdrawal view lists it. */
export interface WithdrawalRow {
  key: string;
  code: string;
  title: string;
  sheet: string;
  /** The 撤退基準 cell; null when the sheet has no such column. */
  cell: string | null;
  verdict: ReportInitiative["withdrawal"]["verdict"];
  reason: string;
  thresholds: ReportInitiative["withdrawal"]["thresholds"];
  recorded: ReportInitiative["recorded"]["achievement"];
  /** The recorded code says ③ where the criterion is not hit, or not ③ where it is. */
  disagrees: boolean;
}

export type WithdrawalFilter = "all" | "hit" | "undecidable" | "disagrees";

export const WITHDRAWAL_FILTERS: WithdrawalFilter[] = ["all", "hit", "undecidable", "disagrees"];

/**
 * Every initiative with its withdrawal verdict, disagreements first, then in the report's order (sheet, row).
 * A verdict the rules cannot reach (判定不可) disagrees with nothing.
 */
export function withdrawalRows(report: JsonReport): WithdrawalRow[] {
  const rows = report.initiatives.map((i): WithdrawalRow => {
    const { verdict } = i.withdrawal;
    const recorded = i.recorded.achievement;
    return {
      key: `${i.sheet}!${i.row}`,
      code: i.code,
      title: i.title,
      sheet: i.sheet,
      cell: i.withdrawal.cell,
      verdict,
      reason: i.withdrawal.reason,
      thresholds: i.withdrawal.thresholds,
      recorded,
      disagrees: verdict !== "undecidable" && (recorded === "③") !== (verdict === "hit"),
    };
  });
  return [...rows.filter((r) => r.disagrees), ...rows.filter((r) => !r.disagrees)];
}

export function matchesFilter(row: WithdrawalRow, filter: WithdrawalFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "hit":
      return row.verdict === "hit";
    case "undecidable":
      return row.verdict === "undecidable";
    case "disagrees":
      return row.disagrees;
  }
}
