import { promises as fs } from "fs";
import * as path from "path";
import { checkWorkbook, toJsonReport, toReportOverview, HYOKA_VERSION } from "../core/report";
import type { Profile } from "../core/profile";
import { defaultProfile, ProfileError } from "../core/defaultProfile";
import { buildClearPlan, buildWritePlan, type WritePlan } from "../core/plan";
import { backupFile, loadBook, saveBook, UnusableFileError } from "../xlsx/files";
import { parseArgs, USAGE, type CheckArgs } from "./args";
import { formatReport } from "./print";
import { expandInputs } from "./inputs";
import { failsAt, findingCounts, writeJsonFile } from "./reportFile";
import { isEvaluationRole } from "../core/recognize";
import { noEvaluationSheet } from "./unusableWorkbook";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

class UsageError extends Error {}

// What only some runs use (zod for a user's profile, the batch runner) is imported where it is used: a plain
// check starts without loading it.

async function loadProfile(file: string | undefined): Promise<Profile> {
  if (!file) return defaultProfile;
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError(`${file}: プロファイルを開けません / cannot open the profile`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `${file}: JSON として読めません / not valid JSON: ${(e as Error).message}`
    );
  }
  // zod, which validates the profile, is loaded only here.
  const { parseProfile } = await import("../core/profile");
  return parseProfile(json, file);
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

async function isBatch(args: CheckArgs): Promise<boolean> {
  if (args.command !== "check") return false;
  if (args.inputs.length > 1 || /[*?]/.test(args.input)) return true;
  const stat = await fs.stat(args.input).catch(() => null);
  return Boolean(stat?.isDirectory());
}

async function batch(args: CheckArgs, profile: Profile, io: Io): Promise<number> {
  if (args.inPlace)
    throw new UsageError("--in-place は 1 つのファイルに使います / --in-place works on one file");
  if (args.json === "-")
    throw new UsageError(
      "まとめて検証するときは --json にディレクトリを指定してください / in a batch, --json names a directory"
    );
  const { files, unmatched } = await expandInputs(args.inputs);
  for (const u of unmatched)
    io.err(`hyoka: ${u}: .xlsx ファイルが見つかりません / no .xlsx file matches`);
  if (files.length === 0) return 2;
  const tty = Boolean(process.stderr.isTTY) && io === stdio;
  const { runBatch } = await import("./batch");
  const result = await runBatch({
    files,
    jsonDir: args.json,
    outDir: args.out,
    lang: args.lang,
    profile,
    failOn: args.failOn,
    jobs: args.jobs,
    progress: (text, final) => {
      if (tty) process.stderr.write(`\r${text}\x1b[K${final ? "\n" : ""}`);
      else io.err(text);
    },
  });
  io.out(result.table);
  for (const o of result.outcomes) if (!o.ok) io.err(`hyoka: ${o.file}: ${o.ja}\n       ${o.en}`);
  if (args.json)
    io.out(args.lang === "ja" ? `\nJSON レポート: ${args.json}` : `\nJSON reports: ${args.json}`);
  return unmatched.length > 0 ? 2 : result.exitCode;
}

async function run(args: CheckArgs, io: Io): Promise<number> {
  const profile = await loadProfile(args.profile);
  if (await isBatch(args)) return batch(args, profile, io);
  if (args.out && samePath(args.out, args.input)) {
    throw new UsageError(
      "--out は入力ファイルと別のファイルにしてください / --out must not be the input file"
    );
  }
  if (args.out && /\.xlsm$/i.test(args.input) !== /\.xlsm$/i.test(args.out)) {
    throw new UsageError(
      /\.xlsm$/i.test(args.input)
        ? "マクロ有効ブックのコピーは .xlsm にしてください / the copy of a macro-enabled workbook must end in .xlsm"
        : ".xlsx のコピーに .xlsm の名前は付けられません / the copy of an .xlsx cannot end in .xlsm"
    );
  }
  const book = await loadBook(args.input);
  const grids = book.grids;
  const file = path.basename(args.input);
  const target = args.inPlace ? args.input : args.out;
  // With the JSON report on stdout, messages go to stderr.
  const say = args.json === "-" ? io.err : io.out;
  /** In place: a backup first, then the new file through a temporary one, so the input is never half written. */
  const save = async (plan: WritePlan) => {
    if (args.inPlace) {
      const backup = await backupFile(args.input);
      say(
        args.lang === "ja" ? `元のファイルの控え: ${backup}` : `Backup of the original: ${backup}`
      );
    }
    return saveBook(book, plan, target!);
  };

  if (args.command === "clear") {
    await save(buildClearPlan(grids));
    io.out(
      args.lang === "ja"
        ? `Hyoka が加えたものを取り除きました: ${target}`
        : `Removed everything Hyoka added: ${target}`
    );
    return 0;
  }

  const result = checkWorkbook(grids, profile);
  // Printed alone, the summary needs only the report's overview, not every row's reasons.
  const fullReport = args.json ? toJsonReport(result, profile, args.lang, file) : null;
  const report = fullReport ?? toReportOverview(result, profile, args.lang, file);
  const unusable = noEvaluationSheet(report, profile);
  if (unusable) throw new UnusableFileError(args.input, unusable.ja, unusable.en);
  if (args.json === "-") {
    io.out(JSON.stringify(fullReport, null, 2));
  } else {
    io.out(formatReport(report, args.lang));
    if (args.json) {
      await writeJsonFile(args.json, fullReport);
      io.out(args.lang === "ja" ? `\nJSON レポート: ${args.json}` : `\nJSON report: ${args.json}`);
    }
  }
  if (target) {
    const evaluationSheets = new Set(
      report.sheets.filter((s) => isEvaluationRole(s.role)).map((s) => s.name)
    );
    const locked = grids
      .filter((g) => g.protected && evaluationSheets.has(g.name))
      .map((g) => g.name);
    if (locked.length > 0)
      say(
        args.lang === "ja"
          ? `\n保護されたシート: ${locked.join("、")} — 色分け・ドロップダウン・メモはコピーに書き込みます。Excel でそのセルを編集するには保護の解除が必要です`
          : `\nProtected sheets: ${locked.join(", ")} — colors, dropdowns and notes go into the copy; editing those cells in Excel needs the protection removed`
      );
    const plan = buildWritePlan(result, profile, args.lang);
    const { skipped } = await save(plan);
    say(args.lang === "ja" ? `\n検証済みのブック: ${target}` : `\nChecked workbook: ${target}`);
    for (const s of skipped) {
      say(
        args.lang === "ja"
          ? `  ${s.sheet}!${s.cell}: 既存の${s.what === "note" ? "メモ" : "入力規則"}があるため変更していません`
          : `  ${s.sheet}!${s.cell}: left alone, it already has its own ${s.what}`
      );
    }
  }
  return failsAt(findingCounts(report), args.failOn) ? 1 : 0;
}

/** The `hyoka` command. Returns the exit code; never throws, and prints a stack trace only with --debug. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.out(USAGE);
    return 0;
  }
  if (parsed.kind === "version") {
    io.out(HYOKA_VERSION);
    return 0;
  }
  if (parsed.kind === "usage") {
    io.err(`hyoka: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(parsed.args, io);
  } catch (e) {
    if (e instanceof UnusableFileError) io.err(`hyoka: ${e.file}: ${e.ja}\n       ${e.en}`);
    else if (e instanceof ProfileError || e instanceof UsageError) io.err(`hyoka: ${e.message}`);
    else {
      io.err(`hyoka: 予期しないエラー / unexpected error: ${(e as Error).message}`);
      if (!parsed.args.debug)
        io.err("       --debug で詳細を表示します / run with --debug for details");
    }
    if (parsed.args.debug) io.err(String((e as Error).stack));
    return 2;
  }
}
