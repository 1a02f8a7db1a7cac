/** One size's engine measurement in its own process, so peak memory is this run's alone: grids JSON in, timings out. */
import * as fs from "fs";
import { performance } from "perf_hooks";
import { checkWorkbook } from "../src/core/report";
import { buildWritePlan } from "../src/core/plan";
import { defaultProfile } from "../src/core/profile";
import type { SheetGrid } from "../src/core/grid";
import { measureIncremental } from "./incremental";

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const grids = JSON.parse(fs.readFileSync(file, "utf8")) as SheetGrid[];
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const baseline = process.memoryUsage().rss;
const times: number[] = [];
let initiatives = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const result = checkWorkbook(grids, defaultProfile);
  buildWritePlan(result, defaultProfile, "ja");
  times.push(performance.now() - t0);
  initiatives = result.evaluation.initiatives.length;
}
times.sort((a, b) => a - b);
const peakRss = process.resourceUsage().maxRSS * 1024;
const incremental = measureIncremental(grids, defaultProfile, 41);
process.stdout.write(
  JSON.stringify({
    initiatives,
    medianMs: times[Math.floor(times.length / 2)],
    peakRssBytes: peakRss,
    overBaselineBytes: Math.max(0, peakRss - baseline),
    incremental,
  })
);
