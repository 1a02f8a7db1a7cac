import { filledGrid, type FilledGrid, type SheetGrid } from "./grid";
import { isBlankLike, normalizeHeader } from "./normalize";
import { splitInlineStatus } from "./inlineStatus";
import { oncePerObject } from "./memo";
import { findStrategyCode, readInitiativeCode } from "./codes";
import type { FieldSpec, Profile } from "./profile";
import { SHEET_ROLES, type SheetRole } from "./defaultProfile";

export const META_SHEET = "_hyoka";

export interface SheetLayout {
  sheet: string;
  role: SheetRole | "other";
  /** 0-based first and last header rows; -1 when no header was found. */
  headerTop: number;
  headerBottom: number;
  /** Field → 0-based column. */
  columns: Record<string, number>;
  /** Required fields of the role that no header named. */
  missing: string[];
  /** Why the sheet got its role, for people. */
  reason: { ja: string; en: string };
  /** Each found field: the header it was taken from and how it matched. */
  fields: Record<string, FieldMatch>;
  /** Every field of the role (required or not) that no header named. */
  notFound: string[];
  /** Columns never taken for a field although their header names one (中間振り返り, 見込み). */
  ignored: { col: number; header: string; word: string }[];
  /** Fields read from the end of another column's text (R5 style inline status): field → that column. */
  inline: Record<string, number>;
}

/** How a header named a field: the whole header is an alias, holds one, is one character off one, or inline. */
export type MatchKind = "exact" | "partial" | "similar" | "inline";

export interface FieldMatch {
  col: number;
  /** The column's header texts from top to bottom, as written. */
  header: string;
  /** The profile's word it matched. */
  alias: string;
  how: MatchKind;
}

interface NormalizedSpec {
  aliases: string[];
  exclude: string[];
}

function normalizeSpec(spec: FieldSpec): NormalizedSpec {
  return { aliases: spec.aliases.map(normalizeHeader), exclude: spec.exclude.map(normalizeHeader) };
}

/** How well one header text names a field: 0 (not at all) to 100 (exactly). */
function textScore(spec: NormalizedSpec, text: string): number {
  return textMatch(spec, text)?.score ?? 0;
}

interface TextMatch {
  score: number;
  alias: string;
  how: MatchKind;
}

/** Shorter aliases are ordinary words: a one-character slip in them makes another word (前年度 / 今年度). */
const SIMILAR_MIN_LENGTH = 6;

/** Characters that tell one year or period from another: 前年度 and 今年度 differ by one, and are not a typo. */
const MEANINGFUL = new Set([..."前今昨本当翌次来0123456789"]);

/** The two strings have the same length and differ in exactly one character, which is not a meaningful one. */
function oneOff(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) {
    if (a[i] === b[i]) continue;
    if (MEANINGFUL.has(a[i]) || MEANINGFUL.has(b[i])) return false;
    diff++;
  }
  return diff === 1;
}

/**
 * The best alias a header text holds: the whole text (100), its start (60–80), its end (50–70), inside it (20–40),
 * or, when none, a long alias one character off the text or its start (a typo such as アウトカム指数: 30–35).
 */
function textMatch(spec: NormalizedSpec, text: string): TextMatch | null {
  if (!text || spec.exclude.some((x) => text.includes(x))) return null;
  let best: TextMatch | null = null;
  const consider = (score: number, alias: string, how: MatchKind) => {
    if (!best || score > best.score) best = { score, alias, how };
  };
  for (const alias of spec.aliases) {
    if (text === alias) return { score: 100, alias, how: "exact" };
    if (text.startsWith(alias)) consider(60 + 20 * (alias.length / text.length), alias, "partial");
    else if (text.endsWith(alias))
      consider(50 + 20 * (alias.length / text.length), alias, "partial");
    else if (text.includes(alias))
      consider(20 + 20 * (alias.length / text.length), alias, "partial");
  }
  if (best) return best;
  for (const alias of spec.aliases) {
    if (alias.length < SIMILAR_MIN_LENGTH) continue;
    if (oneOff(text, alias)) consider(35, alias, "similar");
    else if (text.length > alias.length && oneOff(text.slice(0, alias.length), alias))
      consider(30, alias, "similar");
  }
  return best;
}

/** Each role's fields with their aliases normalized, once per profile. */
const specsByRole = oncePerObject(
  (profile: Profile) =>
    new Map(
      SHEET_ROLES.map((role) => [
        role,
        Object.entries(profile.roles[role].fields).map(
          ([field, spec]): [string, NormalizedSpec] => [field, normalizeSpec(spec as FieldSpec)]
        ),
      ])
    )
);

function roleSpecs(profile: Profile, role: SheetRole): [string, NormalizedSpec][] {
  return specsByRole(profile).get(role)!;
}

/**
 * A role's aliases by their first and last characters. A cell names a field strongly (textScore ≥ 60) only when it
 * starts with an alias, or ends with one at least half its length, so only those aliases need a look.
 */
interface StrongIndex {
  byFirst: Map<string, [string, string][]>;
  byLast: Map<string, [string, string][]>;
  specs: Map<string, NormalizedSpec>;
}

const strongIndex = oncePerObject((specs: [string, NormalizedSpec][]): StrongIndex => {
  const index: StrongIndex = { byFirst: new Map(), byLast: new Map(), specs: new Map(specs) };
  for (const [field, spec] of specs) {
    for (const alias of spec.aliases) {
      const first = alias.slice(0, 1);
      const last = alias.slice(-1);
      index.byFirst.set(first, [...(index.byFirst.get(first) ?? []), [field, alias]]);
      index.byLast.set(last, [...(index.byLast.get(last) ?? []), [field, alias]]);
    }
  }
  return index;
});

/** The fields that some cell of the row names exactly or by its start (textScore ≥ 60). */
function strongMatches(cells: string[], specs: [string, NormalizedSpec][]): Set<string> {
  const index = strongIndex(specs);
  const always = index.byFirst.get("") ?? [];
  const found = new Set<string>();
  const consider = (text: string, candidates: [string, string][] | undefined) => {
    if (!candidates) return;
    for (const [field] of candidates)
      if (!found.has(field) && textScore(index.specs.get(field)!, text) >= 60) found.add(field);
  };
  for (const text of cells) {
    if (!text) continue;
    consider(text, index.byFirst.get(text[0]));
    consider(text, index.byLast.get(text[text.length - 1]));
    consider(text, always);
  }
  return found;
}

function rowTexts(filled: FilledGrid, row: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < filled.cols; c++) out.push(normalizeHeader(filled.value(row, c)));
  return out;
}

/** Data rows carry codes (【1-1-1】, 【1-1】); header rows never do. */
function hasCode(filled: FilledGrid, row: number): boolean {
  for (let c = 0; c < filled.cols; c++) {
    const text = filled.raw(row, c);
    if (readInitiativeCode(text) || findStrategyCode(text)) return true;
  }
  return false;
}

/** Header rows around the anchor: adjacent rows that also name fields, or that sit under the anchor's vertical merges. */
function headerExtent(
  filled: FilledGrid,
  anchor: number,
  specs: [string, NormalizedSpec][],
  maxRows: number
): [number, number] {
  let top = anchor;
  let bottom = anchor;
  const isHeaderLike = (r: number) =>
    r >= 0 &&
    r < filled.rows &&
    !hasCode(filled, r) &&
    // Only an exact field name extends the header: a data row may start with one (経営課題1 …).
    rowTexts(filled, r).some((text) => specs.some(([, spec]) => textScore(spec, text) === 100));
  const underAnchorMerge = (r: number) => {
    if (r >= filled.rows || hasCode(filled, r)) return false;
    let covered = 0;
    let own = 0;
    for (let c = 0; c < filled.cols; c++) {
      const m = filled.mergeAt(r, c);
      if (m && m.top <= anchor && m.bottom >= r) covered++;
      else if (filled.raw(r, c).trim() !== "") {
        if (filled.raw(r, c).length > 20) return false;
        own++;
      }
    }
    return covered > 0 && own > 0;
  };
  while (bottom - top + 1 < maxRows && (isHeaderLike(bottom + 1) || underAnchorMerge(bottom + 1)))
    bottom++;
  // A row of group titles (計画 / 自己評価), each merged across the columns it heads.
  const isGroupTitles = (r: number) => {
    if (r < 0 || hasCode(filled, r)) return false;
    let titles = 0;
    for (let c = 0; c < filled.cols; c++) {
      const text = filled.raw(r, c).trim();
      if (text === "" || filled.isCovered(r, c)) continue;
      const m = filled.mergeAt(r, c);
      if (!m || m.right === m.left || text.length > 20) return false;
      titles++;
    }
    return titles > 0;
  };
  while (bottom - top + 1 < maxRows && (isHeaderLike(top - 1) || isGroupTitles(top - 1))) top--;
  return [top, bottom];
}

/** Each column's header texts from the top header row down, merges spread over the columns they cover. */
function columnPaths(filled: FilledGrid, top: number, bottom: number): string[][] {
  const paths: string[][] = [];
  for (let c = 0; c < filled.cols; c++) {
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = normalizeHeader(filled.value(r, c));
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

/** The word of the profile's ignoredHeaders that a column's header holds, if any. */
function ignoredWord(path: string[], ignored: string[]): string | undefined {
  return ignored.find((word) => path.some((text) => text.includes(word)));
}

/**
 * Fields to columns, best matches first; the deepest header row (個別 under アウトカムの達成状況) weighs most.
 * Columns under an ignored header (中間振り返り) are never taken, whatever they say.
 */
function assignColumns(
  paths: string[][],
  specs: [string, NormalizedSpec][],
  ignored: string[]
): { columns: Record<string, number>; matches: Record<string, Omit<FieldMatch, "header">> } {
  const scored: { field: string; col: number; score: number; alias: string; how: MatchKind }[] = [];
  paths.forEach((path, col) => {
    if (ignoredWord(path, ignored)) return;
    for (const [field, spec] of specs) {
      let best: { score: number; alias: string; how: MatchKind } | null = null;
      for (let depth = 0; depth < path.length; depth++) {
        const m = textMatch(spec, path[depth]);
        if (!m) continue;
        const score = m.score + (depth === path.length - 1 ? 20 : 0);
        if (!best || score > best.score) best = { score, alias: m.alias, how: m.how };
      }
      const joined = textMatch(spec, path.join(""));
      if (joined?.score === 100 && (!best || best.score < 120))
        best = { score: 120, alias: joined.alias, how: "exact" };
      if (best && best.score >= 20) scored.push({ field, col, ...best });
    }
  });
  scored.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Record<string, number> = {};
  const matches: Record<string, Omit<FieldMatch, "header">> = {};
  const usedCols = new Set<number>();
  for (const s of scored) {
    if (s.field in columns || usedCols.has(s.col)) continue;
    columns[s.field] = s.col;
    matches[s.field] = { col: s.col, alias: s.alias, how: s.how };
    usedCols.add(s.col);
  }
  return { columns, matches };
}

/** Each column's header texts as written (line breaks as spaces), top to bottom, for people. */
function headerTexts(filled: FilledGrid, top: number, bottom: number, col: number): string {
  const out: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const t = filled.value(r, col).replace(/\s+/g, " ").trim();
    if (t && out[out.length - 1] !== t) out.push(t);
  }
  return out.join(" / ");
}

/**
 * Fields a later template writes at the end of another column's text (R5 style `…10,488世帯):A`) when the sheet
 * has no column of their own: taken when most of that column's filled cells below the header end that way.
 */
function inlineFields(
  filled: FilledGrid,
  bottom: number,
  role: SheetRole,
  columns: Record<string, number>,
  profile: Profile
): Record<string, number> {
  const out: Record<string, number> = {};
  const fields = profile.roles[role].fields as Record<string, FieldSpec>;
  for (const spec of profile.inlineStatus) {
    const source = columns[spec.in];
    if (!(spec.field in fields) || spec.field in columns || source === undefined) continue;
    let filledCells = 0;
    let withStatus = 0;
    for (let r = bottom + 1; r < filled.rows; r++) {
      const text = filled.raw(r, source);
      if (isBlankLike(text)) continue;
      filledCells++;
      if (splitInlineStatus(text, spec.separators)) withStatus++;
    }
    if (withStatus > 0 && withStatus * 2 >= filledCells) out[spec.field] = source;
  }
  return out;
}

const ROLE_NAMES: Record<SheetRole, { ja: string; en: string }> = {
  outcome: { ja: "めざす成果および戦略", en: "outcomes and strategies" },
  initiative: { ja: "具体的取組", en: "initiatives" },
  tallySummary: { ja: "業績目標の達成状況（集計表）", en: "achievement tally (summary)" },
  unmetSummary: { ja: "目標未達成の取組み（集計表）", en: "unmet initiatives (summary)" },
};

/** Outcome and initiative sheets: the ones people fill in and Hyoka judges (not its summaries, not others). */
export function isEvaluationRole(role: SheetRole | "other"): boolean {
  return role === "outcome" || role === "initiative";
}

/** An evaluation sheet with every required column found, so its rows can be read. */
export function isUsableEvaluationSheet(sheet: {
  role: SheetRole | "other";
  missing: readonly string[];
}): boolean {
  return isEvaluationRole(sheet.role) && sheet.missing.length === 0;
}

export function roleName(role: SheetRole | "other", lang: "ja" | "en"): string {
  return role === "other" ? (lang === "ja" ? "対象外" : "other") : ROLE_NAMES[role][lang];
}

export function headerKeywords(profile: Profile, role: SheetRole): string[] {
  return profile.roles[role].required.map(
    (field) => (profile.roles[role].fields as Record<string, FieldSpec>)[field].aliases[0]
  );
}

/**
 * Finds a sheet's role, its header rows and the column of every field, from header text alone:
 * any column order, 1–3 header rows, title and legend rows above, merges, line breaks and full-width text.
 */
export function recognizeSheet(grid: SheetGrid, profile: Profile): SheetLayout {
  const none = (ja: string, en: string): SheetLayout => ({
    sheet: grid.name,
    role: "other",
    headerTop: -1,
    headerBottom: -1,
    columns: {},
    missing: [],
    fields: {},
    notFound: [],
    ignored: [],
    inline: {},
    reason: { ja, en },
  });
  if (grid.name === META_SHEET)
    return none("Hyoka の管理用シートです", "Hyoka's own bookkeeping sheet");
  const filled = filledGrid(grid);
  if (filled.rows === 0) return none("空のシートです", "the sheet is empty");

  const scanRows = Math.min(filled.rows, profile.headerScanRows);
  let best: { role: SheetRole; row: number; found: Set<string>; complete: boolean } | null = null;
  const texts = Array.from({ length: scanRows }, (_, r) => rowTexts(filled, r));
  for (const role of SHEET_ROLES) {
    const specs = roleSpecs(profile, role);
    const required = profile.roles[role].required as string[];
    for (let r = 0; r < scanRows; r++) {
      const found = strongMatches(texts[r], specs);
      if (found.size === 0) continue;
      const complete = required.every((f) => found.has(f));
      const better =
        !best ||
        (complete && !best.complete) ||
        (complete === best.complete && found.size > best.found.size);
      if (better) best = { role, row: r, found, complete };
    }
  }
  const lookedFor = SHEET_ROLES.map((role) => headerKeywords(profile, role).join("・")).join(" / ");
  if (!best || best.found.size < 2) {
    return none(
      `見出し行が見つかりません（探した見出し: ${lookedFor}）`,
      `no header row found (looked for: ${lookedFor})`
    );
  }

  const role = best.role;
  const specs = roleSpecs(profile, role);
  const [top, bottom] = headerExtent(filled, best.row, specs, profile.maxHeaderRows);
  const paths = columnPaths(filled, top, bottom);
  const ignoredWords = ignoredHeaderWords(profile);
  const { columns, matches } = assignColumns(paths, specs, ignoredWords);
  const inline = inlineFields(filled, bottom, role, columns, profile);
  const required = profile.roles[role].required as string[];
  const missing = required.filter((f) => !(f in columns) && !(f in inline));
  const fieldsOf = profile.roles[role].fields as Record<string, FieldSpec>;
  if (missing.length > 0 && best.found.size < 3) {
    return none(
      `見出し行が見つかりません（探した見出し: ${lookedFor}）`,
      `no header row found (looked for: ${lookedFor})`
    );
  }
  const fields: Record<string, FieldMatch> = {};
  for (const [field, m] of Object.entries(matches))
    fields[field] = { ...m, header: headerTexts(filled, top, bottom, m.col) };
  for (const [field, c] of Object.entries(inline))
    fields[field] = {
      col: c,
      header: headerTexts(filled, top, bottom, c),
      alias: "",
      how: "inline",
    };
  const ignored: SheetLayout["ignored"] = [];
  paths.forEach((path, col) => {
    const word = ignoredWord(path, ignoredWords);
    if (word) ignored.push({ col, header: headerTexts(filled, top, bottom, col), word });
  });
  const rows = top === bottom ? `${top + 1}` : `${top + 1}–${bottom + 1}`;
  const name = ROLE_NAMES[role];
  return {
    sheet: grid.name,
    role,
    headerTop: top,
    headerBottom: bottom,
    columns,
    missing,
    fields,
    notFound: Object.keys(fieldsOf).filter((f) => !(f in columns) && !(f in inline)),
    ignored,
    inline,
    reason:
      missing.length === 0
        ? {
            ja: `${rows}行目の見出しから「${name.ja}」と判定`,
            en: `${name.en}, from the header in row ${rows}`,
          }
        : {
            ja: `「${name.ja}」の見出しですが、必須の列がありません: ${missing.map((f) => fieldsOf[f].aliases[0]).join("、")}`,
            en: `looks like ${name.en}, but required columns are missing: ${missing.map((f) => fieldsOf[f].aliases[0]).join(", ")}`,
          },
  };
}

/** The profile's ignored header words, compared as headers are. */
const ignoredHeaderWords = oncePerObject((profile: Profile) =>
  profile.ignoredHeaders.map(normalizeHeader)
);

export function recognizeWorkbook(grids: SheetGrid[], profile: Profile): SheetLayout[] {
  return grids.map((g) => recognizeSheet(g, profile));
}
