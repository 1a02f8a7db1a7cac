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

const INITIATIVE_CODE = /^[【[(〔]?\s*(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{1,3})\s*[】\])〕]?/;
/** What a cell holding an initiative code can start with: an opening bracket or a digit, in either width. */
const CODE_START = /^[【[(〔［（0-9０-９]/;
/**
 * INITIATIVE_CODE spans at most 11 characters besides white space, so on a prefix of this length it decides
 * exactly as on the whole text unless the prefix is nearly all white space.
 */
const CODE_PREFIX = 64;

function matchInitiativeCode(original: string): RegExpExecArray | null {
  if (!CODE_START.test(original)) return null;
  // Folding keeps one character for one, so folding a prefix folds the text's start.
  const prefix = original.slice(0, CODE_PREFIX);
  let spaces = 0;
  for (let i = 0; i < prefix.length; i++) if (isSpaceCode(prefix.charCodeAt(i))) spaces++;
  const m = INITIATIVE_CODE.exec(foldDashes(foldWidth(prefix)));
  // A match cut short by the prefix would have to span 53 or more white-space characters within it.
  if (prefix.length < original.length && spaces > CODE_PREFIX - 12)
    return INITIATIVE_CODE.exec(foldDashes(foldWidth(original)));
  return m;
}

/** `【1-3-1】`, `【１－３－１】`, `[1-3-1]`, `1-3-1` at the start of a cell → "1-3-1". */
export function readInitiativeCode(text: string): { code: string; rest: string } | null {
  const original = trimAll(text);
  // The match length also cuts the original text, since folding keeps one character for one.
  const m = matchInitiativeCode(original);
  if (!m) return null;
  return {
    code: `${Number(m[1])}-${Number(m[2])}-${Number(m[3])}`,
    rest: original.slice(m[0].length),
  };
}

/** A strategy code `【1-3】` anywhere in a cell (the めざす状態 column carries it at its start). */
export function findStrategyCode(text: string): string | null {
  if (!/[【[〔［]/.test(text)) return null;
  const t = foldDashes(foldWidth(text));
  const m = /[【[〔]\s*(\d{1,2})\s*-\s*(\d{1,2})\s*[】\]〕]/.exec(t);
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
