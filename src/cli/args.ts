import type { Lang } from "../core/report";

export interface CheckArgs {
  command: "check" | "clear";
  input: string;
  /** Every input given: more than one, a directory or a glob makes `check` a batch. */
  inputs: string[];
  /** Worker threads for a batch (default: one per core). */
  jobs?: number;
  /** Write the result over the input (through a temporary file), keeping a backup copy beside it. */
  inPlace: boolean;
  out?: string;
  json?: string;
  profile?: string;
  lang: Lang;
  failOn?: "error" | "warning";
  debug: boolean;
}

export type ParsedArgs =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "run"; args: CheckArgs }
  | { kind: "usage"; message: string };

export const USAGE = `使い方 / usage:
  hyoka check <in.xlsx> [--out <out.xlsx>] [--json <report.json> | --json -] [--profile <profile.json>]
                        [--lang ja|en] [--fail-on error|warning] [--debug]
  hyoka check <dir | "glob" | files…> [--json <dir>] [--out <dir>] [--jobs N] [--fail-on …]
                                              ディレクトリ・複数ファイルをまとめて検証し、合計を表示
                                              (batch: every workbook, a progress bar and a combined tally)
  hyoka check|clear <in.xlsx> --in-place      入力ファイルに上書き（一時ファイル経由、<名前>.backup-日時.xlsx を残す）
                                              (writes over the input through a temporary file, keeping a backup)
  hyoka clear <in.xlsx> --out <out.xlsx>      Hyoka が加えた書式・入力規則・メモ・集計表を取り除く
                                              (removes everything Hyoka added)

  check   検証して結果を表示。--out で色分け・ドロップダウン・メモ・集計表を加えたブックを書き出す
          (checks and prints; --out writes the workbook with colors, dropdowns, notes and summary sheets)
  exit    0: 検証完了 (checked)  1: --fail-on の重大度の指摘あり (findings at --fail-on)  2: 使えない入力 (unusable input)`;

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help")
    return { kind: "help" };
  if (argv.includes("--version") || argv.includes("-v")) return { kind: "version" };
  const [command, ...rest] = argv;
  if (command !== "check" && command !== "clear")
    return { kind: "usage", message: `unknown command: ${command}` };
  const args: Partial<CheckArgs> & {
    command: "check" | "clear";
    lang: Lang;
    debug: boolean;
    inPlace: boolean;
  } = {
    command,
    lang: "ja",
    debug: false,
    inPlace: false,
  };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || (v.startsWith("--") && v !== "-"))
        throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      switch (a) {
        case "--out":
        case "-o":
          args.out = value();
          break;
        case "--json":
          args.json = value();
          break;
        case "--profile":
          args.profile = value();
          break;
        case "--lang": {
          const v = value();
          if (v !== "ja" && v !== "en")
            return { kind: "usage", message: `--lang must be ja or en, not ${v}` };
          args.lang = v;
          break;
        }
        case "--fail-on": {
          const v = value();
          if (v !== "error" && v !== "warning")
            return { kind: "usage", message: `--fail-on must be error or warning, not ${v}` };
          args.failOn = v;
          break;
        }
        case "--debug":
          args.debug = true;
          break;
        case "--in-place":
          args.inPlace = true;
          break;
        case "--jobs": {
          const v = value();
          if (!/^\d+$/.test(v))
            return { kind: "usage", message: `--jobs must be a number, not ${v}` };
          args.jobs = Number(v);
          break;
        }
        default:
          if (a.startsWith("-") && a !== "-")
            return { kind: "usage", message: `unknown option: ${a}` };
          positional.push(a);
      }
    } catch (e) {
      return { kind: "usage", message: (e as Error).message };
    }
  }
  if (positional.length === 0) return { kind: "usage", message: "no input file" };
  if (command === "clear" && positional.length !== 1)
    return { kind: "usage", message: `clear takes one input file, not ${positional.length}` };
  if (args.inPlace && args.out)
    return { kind: "usage", message: "--in-place and --out cannot be used together" };
  if (args.inPlace && positional.length !== 1)
    return { kind: "usage", message: "--in-place takes one input file" };
  if (command === "clear" && !args.out && !args.inPlace)
    return { kind: "usage", message: "clear needs --out <out.xlsx> or --in-place" };
  return { kind: "run", args: { ...args, input: positional[0], inputs: positional } as CheckArgs };
}
