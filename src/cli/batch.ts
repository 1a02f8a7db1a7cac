import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { Profile } from "../core/profile";
import type { Lang } from "../core/report";
import { checkFile, type FileJob, type FileOutcome } from "./checkFile";
import { failsAt, writeJsonFile } from "./reportFile";

export interface BatchOptions {
  files: string[];
  /** Directory for one JSON report per workbook and summary.json. */
  jsonDir?: string;
  /** Directory for the checked copies. */
  outDir?: string;
  lang: Lang;
  profile: Profile;
  failOn?: "error" | "warning";
  /** Worker threads; default one per core. 0 checks in this thread (tests, one-core machines). */
  jobs?: number;
  progress: (text: string, final: boolean) => void;
}

export interface BatchResult {
  outcomes: FileOutcome[];
  exitCode: number;
  table: string;
}

/** Output names that stay apart when two wards' files share a name in different folders. */
function outputNames(files: string[]): Map<string, string> {
  const base = files.length === 1 ? path.dirname(files[0]) : commonDir(files);
  return new Map(
    files.map((f) => [
      f,
      path
        .relative(base, f)
        .replace(/\.xls[xm]$/i, "")
        .split(path.sep)
        .join("__"),
    ])
  );
}

function commonDir(files: string[]): string {
  const parts = files.map((f) => path.resolve(path.dirname(f)).split(path.sep));
  const first = parts[0];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(path.sep) || path.sep;
}

function bar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`;
}

/** Checks the jobs on `threads` worker threads running `script` (batchWorker.js; tests pass their own). */
export async function runPool(
  jobs: FileJob[],
  profile: Profile,
  threads: number,
  onDone: (o: FileOutcome) => void,
  script = path.join(__dirname, "batchWorker.js")
): Promise<FileOutcome[]> {
  const results = new Map<string, FileOutcome>();
  // From the TypeScript sources (tests) there is no compiled worker: check in this thread.
  if (threads <= 0 || !fs.existsSync(script)) {
    for (const job of jobs) {
      const o = await checkFile(job, profile);
      results.set(job.file, o);
      onDone(o);
    }
    return jobs.map((j) => results.get(j.file)!);
  }
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: Math.min(threads, jobs.length) }, async () => {
      let worker = new Worker(script, { workerData: { profile } });
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const current = job;
          const o = await new Promise<FileOutcome>((resolve, reject) => {
            const fail = (e: Error) => reject(e);
            const exit = (code: number) => reject(new Error(`worker exited (${code})`));
            worker.once("error", fail);
            worker.once("exit", exit);
            worker.once("message", (m: FileOutcome) => {
              worker.off("error", fail);
              worker.off("exit", exit);
              resolve(m);
            });
            worker.postMessage(current);
          }).catch(async (e: Error) => {
            // A worker that failed (out of memory on a huge file, say) answers nothing more: the next file
            // gets a new one, or the batch would wait for ever.
            await worker.terminate();
            worker = new Worker(script, { workerData: { profile } });
            return {
              file: current.file,
              ok: false as const,
              ja: `検証中に停止しました: ${e.message}`,
              en: `stopped while checking: ${e.message}`,
            };
          });
          results.set(current.file, o);
          onDone(o);
        }
      } finally {
        await worker.terminate();
      }
    })
  );
  return jobs.map((j) => results.get(j.file)!);
}

/** Columns as a terminal shows them: full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch
      )
        ? 2
        : 1;
  return w;
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

function tallyTable(outcomes: FileOutcome[], lang: Lang): string {
  const ja = lang === "ja";
  const good = outcomes.filter((o): o is Extract<FileOutcome, { ok: true }> => o.ok);
  const width = Math.max(8, ...outcomes.map((o) => displayWidth(path.basename(o.file))));
  const head = ja
    ? ["ファイル", "達成", "未達成", "エラー", "注意"]
    : ["file", "met", "not met", "errors", "warnings"];
  const row = (cells: (string | number)[]) =>
    [padEnd(String(cells[0]), width), ...cells.slice(1).map((c) => padStart(String(c), 8))].join(
      "  "
    );
  const lines = [row(head)];
  for (const o of outcomes)
    lines.push(
      o.ok
        ? row([
            path.basename(o.file),
            o.total.achieved,
            o.total.notAchieved,
            o.findings.error,
            o.findings.warning,
          ])
        : `${padEnd(path.basename(o.file), width)}  ${ja ? `使えません: ${o.ja}` : `unusable: ${o.en}`}`
    );
  const sum = (f: (o: Extract<FileOutcome, { ok: true }>) => number) =>
    good.reduce((n, o) => n + f(o), 0);
  lines.push(
    row([
      ja ? "計" : "total",
      sum((o) => o.total.achieved),
      sum((o) => o.total.notAchieved),
      sum((o) => o.findings.error),
      sum((o) => o.findings.warning),
    ])
  );
  return lines.join("\n");
}

/** `hyoka check <dir-or-glob> …`: every workbook on a pool of worker threads, a progress bar, a combined tally. */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const names = outputNames(options.files);
  const jobs: FileJob[] = options.files.map((file) => ({
    file,
    lang: options.lang,
    json: options.jsonDir ? path.join(options.jsonDir, `${names.get(file)}.json`) : undefined,
    // A macro-enabled workbook stays one: its copy keeps the .xlsm name Excel opens it by.
    out: options.outDir
      ? path.join(
          options.outDir,
          `${names.get(file)}.checked${/\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx"}`
        )
      : undefined,
  }));
  let done = 0;
  options.progress(`${bar(0, jobs.length)}`, false);
  const threads = options.jobs ?? os.availableParallelism?.() ?? os.cpus().length;
  const outcomes = await runPool(jobs, options.profile, threads, (o) => {
    done++;
    options.progress(
      `${bar(done, jobs.length)} ${path.basename(o.file)}${o.ok ? "" : " ✗"}`,
      done === jobs.length
    );
  });
  const table = tallyTable(outcomes, options.lang);
  if (options.jsonDir) {
    const good = outcomes.filter((o): o is Extract<FileOutcome, { ok: true }> => o.ok);
    const summary = {
      tool: "hyoka",
      files: outcomes.map((o) => (o.ok ? { report: `${names.get(o.file)}.json`, ...o } : o)),
      total: {
        achieved: good.reduce((n, o) => n + o.total.achieved, 0),
        notAchieved: good.reduce((n, o) => n + o.total.notAchieved, 0),
        unusable: outcomes.length - good.length,
      },
    };
    await writeJsonFile(path.join(options.jsonDir, "summary.json"), summary);
  }
  const unusable = outcomes.some((o) => !o.ok);
  const fails = outcomes.some((o) => o.ok && failsAt(o.findings, options.failOn));
  return { outcomes, table, exitCode: unusable ? 2 : fails ? 1 : 0 };
}
