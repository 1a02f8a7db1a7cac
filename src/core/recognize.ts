import { filledGrid, type FilledGrid, type SheetGrid } from "./grid";
import { normalizeHeader } from "./normalize";
import { oncePerObject } from "./memo";
import { findStrategyCode, readInitiativeCode } from "./codes";
import { SHEET_ROLES, type FieldSpec, type Profile, type SheetRole } from "./profile";

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
  if (!text || spec.exclude.some((x) => text.includes(x))) return 0;
  let best = 0;
  for (const alias of spec.aliases) {
    if (text === alias) return 100;
    if (text.startsWith(alias)) best = Math.max(best, 60 + 20 * (alias.length / text.length));
    else if (text.endsWith(alias)) best = Math.max(best, 50 + 20 * (alias.length / text.length));
    else if (text.includes(alias)) best = Math.max(best, 20 + 20 * (alias.length / text.length));
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

/** Fields to columns, best matches first; the deepest header row (個別 under アウトカムの達成状況) weighs most. */
function assignColumns(
  paths: string[][],
  specs: [string, NormalizedSpec][]
): Record<string, number> {
  const scored: { field: string; col: number; score: number }[] = [];
  paths.forEach((path, col) => {
    for (const [field, spec] of specs) {
      let best = 0;
      path.forEach((text, depth) => {
        const s = textScore(spec, text);
        if (s > 0) best = Math.max(best, s + (depth === path.length - 1 ? 20 : 0));
      });
      const joined = textScore(spec, path.join(""));
      best = Math.max(best, joined === 100 ? 120 : 0);
      if (best >= 20) scored.push({ field, col, score: best });
    }
  });
  scored.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Record<string, number> = {};
  const usedCols = new Set<number>();
  for (const s of scored) {
    if (s.field in columns || usedCols.has(s.col)) continue;
    columns[s.field] = s.col;
    usedCols.add(s.col);
  }
  return columns;
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

  const specs = roleSpecs(profile, best.role);
  const [top, bottom] = headerExtent(filled, best.row, specs, profile.maxHeaderRows);
  const columns = assignColumns(columnPaths(filled, top, bottom), specs);
  const required = profile.roles[best.role].required as string[];
  const missing = required.filter((f) => !(f in columns));
  const fieldsOf = profile.roles[best.role].fields as Record<string, FieldSpec>;
  if (missing.length > 0 && best.found.size < 3) {
    return none(
      `見出し行が見つかりません（探した見出し: ${lookedFor}）`,
      `no header row found (looked for: ${lookedFor})`
    );
  }
  const rows = top === bottom ? `${top + 1}` : `${top + 1}–${bottom + 1}`;
  const name = ROLE_NAMES[best.role];
  return {
    sheet: grid.name,
    role: best.role,
    headerTop: top,
    headerBottom: bottom,
    columns,
    missing,
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

export function recognizeWorkbook(grids: SheetGrid[], profile: Profile): SheetLayout[] {
  return grids.map((g) => recognizeSheet(g, profile));
}
