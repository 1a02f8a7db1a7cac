import type { Profile } from "./profile";
import { foldDashes, foldWidth, isBlankLike, isSpaceCode, trimAll } from "./normalize";
import { oncePerObject } from "./memo";

export type Achievement = "①" | "②" | "③";
export type Implementation = "i" | "ii";
export type Effectiveness = "○" | "×";
export type IndicatorStatus = "A" | "B";
export type Progress = "a" | "b";
export type StrategyEffectiveness = "ア" | "イ";

/** A status cell read against its code set: empty, a valid code, or text that is not a valid code. */
export type CodeReading<T> =
  | { kind: "blank" }
  | { kind: "valid"; code: T }
  | {
      kind: "invalid";
      text: string;
      problem: "unknown" | "implementationMissing" | "implementationNotAllowed";
    };

const tableEntries = oncePerObject((table: Record<string, string[]>) => Object.entries(table));

/** A code table's entries, listed once per table: status cells are read for every row of the workbook. */
function entriesOf<T extends string>(table: Record<T, string[]>): [T, string[]][] {
  return tableEntries(table) as [T, string[]][];
}

function lookup<T extends string>(table: Record<T, string[]>, text: string): T | null {
  for (const [code, spellings] of entriesOf(table)) {
    if (spellings.includes(text)) return code;
  }
  return null;
}

function compact(text: string): string {
  const t = trimAll(text);
  return /\s/.test(t) ? t.replace(/\s+/g, "") : t;
}

/** The strategy part of an initiative code: "1-3-1" → "1-3". */
export function strategyOfCode(code: string): string {
  const first = code.indexOf("-");
  const second = first < 0 ? -1 : code.indexOf("-", first + 1);
  return second < 0 ? code : code.slice(0, second);
}

/** The 経営課題 number a code starts with: "1-3-1" → 1. */
export function issueOfCode(code: string): number {
  const dash = code.indexOf("-");
  return Number(dash < 0 ? code : code.slice(0, dash));
}

/** A single-symbol code set (○/×, A/B, a/b, ア/イ). */
export function readSymbol<T extends string>(
  table: Record<T, string[]>,
  text: string
): CodeReading<T> {
  if (isBlankLike(text)) return { kind: "blank" };
  const t = compact(text);
  const code =
    lookup(table, t) ?? lookup(table, foldWidth(t)) ?? lookup(table, t.normalize("NFKC"));
  return code
    ? { kind: "valid", code }
    : { kind: "invalid", text: trimAll(text), problem: "unknown" };
}

export interface AchievementCode {
  achievement: Achievement;
  implementation: Implementation | null;
}

/**
 * Reads `①(i)`, `①ⅰ`, `①（ⅰ）`, `② (ii)`, `③`. The circled digit and the roman numeral are mapped by
 * the profile's table, never by NFKC. ① and ② need (i)/(ii); ③ must not have one.
 */
export function readAchievement(profile: Profile, text: string): CodeReading<AchievementCode> {
  if (isBlankLike(text)) return { kind: "blank" };
  const t = compact(text);
  const table = profile.codes.achievement;
  let achievement: Achievement | null = null;
  let rest = "";
  for (const [code, spellings] of entriesOf(table)) {
    const hit = spellings.find((s) => t.startsWith(s));
    if (hit) {
      achievement = code;
      rest = t.slice(hit.length);
      break;
    }
  }
  const original = trimAll(text);
  if (!achievement) return { kind: "invalid", text: original, problem: "unknown" };
  const inner = foldWidth(rest).replace(/^\((.*)\)$/, "$1");
  if (inner === "") {
    return achievement === "③"
      ? { kind: "valid", code: { achievement, implementation: null } }
      : { kind: "invalid", text: original, problem: "implementationMissing" };
  }
  const implementation =
    lookup(profile.codes.implementation, inner) ??
    lookup(profile.codes.implementation, inner.toLowerCase());
  if (!implementation) return { kind: "invalid", text: original, problem: "unknown" };
  if (achievement === "③")
    return { kind: "invalid", text: original, problem: "implementationNotAllowed" };
  return { kind: "valid", code: { achievement, implementation } };
}

/** Alternatives of a regular expression, longest first, so 具体的取組 is tried before 取組. */
function alternatives(words: readonly string[]): string {
  return [...words]
    .map((w) => foldWidth(w))
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

interface CodePattern {
  regex: RegExp;
  /** The longest match besides white space, for reading a prefix of a long cell. */
  span: number;
}

/**
 * `【1-1-1】`, `【具体的取組1-1-1】`, `1-1-1` at the start of a cell; a prefix word only inside a bracket. The bracket may
 * stay open (`【1-1-1 title】`): the title then closes it.
 */
const initiativePattern = oncePerObject((prefixes: readonly string[]): CodePattern => {
  const words = prefixes.length ? `(?:${alternatives(prefixes)})?` : "";
  return {
    regex: new RegExp(
      `^(?:[【[(〔]\\s*${words}\\s*)?(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*-\\s*(\\d{1,3})\\s*[】\\])〕]?`
    ),
    span: 11 + Math.max(0, ...prefixes.map((p) => p.length)),
  };
});

/** What a cell holding an initiative code can start with: an opening bracket or a digit, in either width. */
const CODE_START = /^[【[(〔［（0-9０-９]/;
/**
 * A code spans at most `span` characters besides white space, so on a prefix of this length it decides exactly as
 * on the whole text unless the prefix is nearly all white space.
 */
const CODE_PREFIX = 64;

function matchInitiativeCode(original: string, prefixes: readonly string[]): RegExpExecArray | null {
  if (!CODE_START.test(original)) return null;
  const { regex, span } = initiativePattern(prefixes);
  // Folding keeps one character for one, so folding a prefix folds the text's start.
  const prefix = original.slice(0, CODE_PREFIX);
  let spaces = 0;
  for (let i = 0; i < prefix.length; i++) if (isSpaceCode(prefix.charCodeAt(i))) spaces++;
  // A match cut short by the prefix would have to span CODE_PREFIX - span or more white-space characters within it.
  if (prefix.length < original.length && spaces >= CODE_PREFIX - span)
    return regex.exec(foldDashes(foldWidth(original)));
  return regex.exec(foldDashes(foldWidth(prefix)));
}

const DEFAULT_INITIATIVE_PREFIXES = ["具体的取組", "具体的な取組", "取組"];
const DEFAULT_STRATEGY_PREFIXES = ["戦略", "めざす成果"];

/** `【1-3-1】`, `【１－３－１】`, `【具体的取組1-3-1】`, `[1-3-1]`, `1-3-1` at the start of a cell → "1-3-1". */
export function readInitiativeCode(
  text: string,
  prefixes: readonly string[] = DEFAULT_INITIATIVE_PREFIXES
): { code: string; rest: string } | null {
  const original = trimAll(text);
  // The match length also cuts the original text, since folding keeps one character for one.
  const m = matchInitiativeCode(original, prefixes);
  if (!m) return null;
  return {
    code: `${Number(m[1])}-${Number(m[2])}-${Number(m[3])}`,
    rest: original.slice(m[0].length),
  };
}

/**
 * A strategy code anywhere in a cell: `【1-3】` (めざす状態 carries it at its start), `【戦略1-3】`, or a bracket
 * holding code and title, `【戦略1-3 にぎわい…`, closed later or never. Never the start of an initiative code.
 */
const strategyPattern = oncePerObject((prefixes: readonly string[]): RegExp => {
  const words = prefixes.length ? `(?:${alternatives(prefixes)})?` : "";
  return new RegExp(
    `[【[〔]\\s*${words}\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})(?!\\d)(?!\\s*-\\s*\\d)`
  );
});

export function findStrategyCode(
  text: string,
  prefixes: readonly string[] = DEFAULT_STRATEGY_PREFIXES
): string | null {
  if (!/[【[〔［]/.test(text)) return null;
  const m = strategyPattern(prefixes).exec(foldDashes(foldWidth(text)));
  return m ? `${Number(m[1])}-${Number(m[2])}` : null;
}

/** Group rows between data rows: `経営課題１：…`, `戦略１－１ …`. */
export function readGroupRow(text: string): { issueNo?: number; strategyCode?: string } | null {
  const start = text.length - text.trimStart().length;
  if (!text.startsWith("戦略", start) && !text.startsWith("経営課題", start)) return null;
  const t = foldDashes(foldWidth(trimAll(text)));
  const strategy = /^戦略\s*(\d{1,2})\s*-\s*(\d{1,2})(?!\s*-\s*\d)/.exec(t);
  if (strategy) {
    return {
      issueNo: Number(strategy[1]),
      strategyCode: `${Number(strategy[1])}-${Number(strategy[2])}`,
    };
  }
  const issue = /^経営課題\s*(\d{1,2})(?!\s*-)/.exec(t);
  if (issue) return { issueNo: Number(issue[1]) };
  return null;
}

export function isRelisted(profile: Profile, text: string): boolean {
  return profile.codes.relisted.some((mark) => text.includes(mark));
}
