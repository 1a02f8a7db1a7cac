import { performance } from "perf_hooks";
import type { SheetGrid } from "../src/core/grid";
import type { Profile } from "../src/core/profile";
import { toJsonReport } from "../src/core/report";
import {
  recheckedReport,
  recheckRows,
  startLiveCheck,
  type LiveCheck,
} from "../src/core/incremental";

export interface IncrementalFigures {
  edits: number;
  /** How each edit was re-judged: "rows" when only the edited rows were. */
  paths: Record<string, number>;
  /** recheckRows: the edited rows read again, re-judged, their findings and the summary made again. */
  medianMs: number;
  /** recheckedReport: the pane's report with the re-judged rows' entries and the findings replaced. */
  reportMedianMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One edited row at a time, as staff type: an initiative's 業績目標の達成状況 changed (①(i) ↔ ②(i)), then its 取組実績,
 * on initiatives spread over the workbook; each edit re-checked on the live check the previous one left.
 */
export function measureIncremental(
  grids: SheetGrid[],
  profile: Profile,
  edits: number
): IncrementalFigures {
  let live: LiveCheck = startLiveCheck(grids, profile);
  let report = toJsonReport(live.result, profile, "ja");
  const inits = live.result.evaluation.initiatives;
  const times: number[] = [];
  const reportTimes: number[] = [];
  const paths: Record<string, number> = {};
  for (let n = 0; n < edits; n++) {
    const init = inits[Math.floor((n * 7919) % inits.length)];
    const grid = live.workbook.find((g) => g.name === init.sheet)!;
    const cell = n % 2 === 0 ? init.achievementCell.ref! : init.actual.ref!;
    const row = [...grid.cells[cell.row]];
    row[cell.col] =
      n % 2 === 0
        ? row[cell.col].startsWith("①")
          ? "②(i)"
          : "①(i)"
        : `${row[cell.col]}\n実施回数：${n}回`;
    const t0 = performance.now();
    const recheck = recheckRows(live, [{ sheet: init.sheet, top: cell.row, rows: [row] }]);
    const t1 = performance.now();
    report = recheckedReport(report, recheck, "ja");
    const t2 = performance.now();
    times.push(t1 - t0);
    reportTimes.push(t2 - t1);
    paths[recheck.how] = (paths[recheck.how] ?? 0) + 1;
    live = recheck.live;
  }
  return { edits, paths, medianMs: median(times), reportMedianMs: median(reportTimes) };
}
