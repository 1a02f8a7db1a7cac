import type { Profile } from "./profile";
import { foldWidth, isBlankLike, isSpaceCode, splitLines, trimAll } from "./normalize";
import { labelSaysEnough } from "./labels";
import { oncePerObject } from "./memo";

export type Comparator = ">=" | "<=" | "<" | ">";

export interface Quantity {
  value: number;
  /** A counting word from the profile ("%", "人", "団体・人"…), "" when none follows, "*" when any unit fits. */
  unit: string;
  comparator: Comparator | null;
  approximate: boolean;
  /** 全件: everything, taken as 100%. */
  all: boolean;
  /** The quantity as written, width-folded: "延べ30団体・人", "80%以上", "全件". */
  text: string;
}

export interface LabeledQuantity {
  /** What is counted, from the text before the number ("区役所が提供した機会を利用した区民の数"). */
  label: string;
  quantity: Quantity;
  /** 0-based line of the cell the quantity stands on. */
  line: number;
}

interface Found {
  start: number;
  end: number;
  quantity: Quantity;
}

const YEAR_BEFORE = /(?:H|R|S|平成|令和|昭和|第|No\.?|NO\.?|no\.?)\s*$/;
const DATE_BEFORE = /\d{4}\s*-\s*(?:\d{1,2}\s*-\s*)?$/;

/** Words in the order a regex alternation would try them; the first that fits wins. */
const DATE_WORDS = ["年", "ヶ月", "か月", "カ月", "箇月", "月", "時点", "時現在", "点満点", "歳児"];
const COMPARATORS = new Map<string, Comparator>([
  ["以上", ">="],
  ["以下", "<="],
  ["未満", "<"],
  ["超", ">"],
  ["を超える", ">"],
  ["を超え", ">"],
  ["を上回る", ">"],
  ["より多い", ">"],
  ["を下回る", "<"],
  ["より少ない", "<"],
]);
const COMPARATOR_WORDS = [...COMPARATORS.keys()];
const APPROX_WORDS = ["約", "およそ", "概ね", "おおむね"];
const PREFIX_WORDS = ["延べ", "のべ", ...APPROX_WORDS, "全"];

interface UnitIndex {
  /** Units by the code of their first character, longest first (the profile's order among equals). */
  byFirst: Map<number, string[]>;
  longestFirst: string[];
}

const unitIndex = oncePerObject((profile: Profile): UnitIndex => {
  const sorted = [...profile.units].map(foldWidth).sort((a, b) => b.length - a.length);
  const byFirst = new Map<number, string[]>();
  for (const u of sorted) {
    const list = byFirst.get(u.charCodeAt(0)) ?? [];
    list.push(u);
    byFirst.set(u.charCodeAt(0), list);
  }
  return { byFirst, longestFirst: sorted };
});

/** The profile's units, longest first: the order in which a unit is looked for after a number. */
export function unitsLongestFirst(profile: Profile): string[] {
  return unitIndex(profile).longestFirst;
}

/** Particles and prefixes a label loses at its end (its marks are flagged in CHAR_FLAGS). */
const TRAILING_WORDS = [
  "延べ",
  "のべ",
  "約",
  "およそ",
  "概ね",
  "おおむね",
  "全",
  "が",
  "は",
  "を",
  "で",
  "に",
  "も",
];

/** Per UTF-16 code unit, what it may start or end: one table lookup instead of string sets in the hot loops. */
const LEADING = 1;
const TRAILING = 2;
const DATE_FIRST = 4;
const COMPARATOR_FIRST = 8;
const YEAR_MARK_LAST = 16;
const SPACE = 32;
const TRAILING_WORD_LAST = 64;
const CHAR_FLAGS = new Uint8Array(65536);
function flag(chars: Iterable<string>, bit: number): void {
  for (const ch of chars) CHAR_FLAGS[ch.charCodeAt(0)] |= bit;
}
for (let c = 0; c < 65536; c++) if (isSpaceCode(c)) CHAR_FLAGS[c] |= SPACE | LEADING | TRAILING;
flag("・○◯〇●◎※■□◆◇*-－:：、,。…", LEADING);
flag(":：、,。…・(（「『〔【→", TRAILING);
flag(
  DATE_WORDS.map((w) => w[0]),
  DATE_FIRST
);
flag(
  COMPARATOR_WORDS.map((w) => w[0]),
  COMPARATOR_FIRST
);
// The last character of H, R, S, 平成, 令和, 昭和, 第, No, No., NO…: only then can YEAR_BEFORE match.
flag("HRSoO成和第.", YEAR_MARK_LAST);
flag(
  TRAILING_WORDS.map((w) => w[w.length - 1]),
  TRAILING_WORD_LAST
);

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Position after stepping back over white space from `from`, never below `floor`. */
function backOverSpaces(s: string, from: number, floor: number): number {
  let k = from;
  while (k > floor && isSpaceCode(s.charCodeAt(k - 1))) k--;
  return k;
}

function overSpaces(s: string, from: number, limit: number): number {
  let k = from;
  while (k < limit && isSpaceCode(s.charCodeAt(k))) k++;
  return k;
}

/** The first of `words` written at `pos` and ending by `limit`. */
function wordAt(s: string, pos: number, limit: number, words: string[]): string | undefined {
  for (const w of words) if (pos + w.length <= limit && s.startsWith(w, pos)) return w;
  return undefined;
}

/** The word of `words` that ends at `end` and starts at or after `floor` (none of the lists has a word ending another). */
function wordBefore(s: string, end: number, floor: number, words: string[]): string | undefined {
  for (const w of words) if (end - w.length >= floor && s.startsWith(w, end - w.length)) return w;
  return undefined;
}

/** The end of the number written at `start`: digits, thousands groups (,000) and a decimal part. */
function numberEnd(s: string, start: number): number {
  let j = start;
  while (isDigitCode(s.charCodeAt(j))) j++;
  while (
    s.charCodeAt(j) === 44 &&
    isDigitCode(s.charCodeAt(j + 1)) &&
    isDigitCode(s.charCodeAt(j + 2)) &&
    isDigitCode(s.charCodeAt(j + 3))
  )
    j += 4;
  if (s.charCodeAt(j) === 46 && isDigitCode(s.charCodeAt(j + 1))) {
    j += 2;
    while (isDigitCode(s.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * Only the few characters either side of a number decide what it is. Everything is looked at within this many
 * characters, so long lines stay linear.
 */
const WINDOW = 24;

/** The quantity written at start..numberEnd, or null when the number is a year, a month, a date, a ratio's denominator… */
function quantityAt(
  folded: string,
  start: number,
  matchEnd: number,
  units: UnitIndex
): Found | null {
  const s = folded;
  const floor = Math.max(0, start - WINDOW);
  const beforeEnd = backOverSpaces(s, start, floor);
  // Code units; -1 where there is none (the window's edge).
  const lastBefore = beforeEnd > floor ? s.charCodeAt(beforeEnd - 1) : -1;
  // Cheap character tests first; the full patterns only where a character says they may apply.
  if (
    lastBefore >= 0 &&
    CHAR_FLAGS[lastBefore] & YEAR_MARK_LAST &&
    YEAR_BEFORE.test(s.slice(floor, start))
  )
    return null;
  if (lastBefore === 0x2f || lastBefore === 0xff0f) return null;
  if (start > 0) {
    const prev = s.charCodeAt(start - 1);
    if (isDigitCode(prev) || prev === 46) return null;
  }
  // The month or day of a date written 2016-05-01.
  if (lastBefore === 0x2d && DATE_BEFORE.test(s.slice(floor, start))) return null;

  const limit = Math.min(s.length, matchEnd + WINDOW);
  const p = overSpaces(s, matchEnd, limit);
  const next = p < limit ? s.charCodeAt(p) : -1;
  if (next >= 0 && CHAR_FLAGS[next] & DATE_FIRST && wordAt(s, p, limit, DATE_WORDS)) return null;
  if (next === 0x65e5 /* 日 */ && lastBefore === 0x6708 /* 月 */) return null;
  if (next === 46 || isDigitCode(next)) return null;
  const candidates = next >= 0 ? units.byFirst.get(next) : undefined;
  const unit = (candidates && wordAt(s, p, limit, candidates)) ?? "";
  // -, ~, 〜, ～: a range (10～20人) is not one quantity.
  if (unit === "" && (next === 0x2d || next === 0x7e || next === 0x301c || next === 0xff5e))
    return null;
  let end = p + unit.length;

  const restLimit = Math.min(s.length, end + WINDOW);
  const q = overSpaces(s, end, restLimit);
  const word =
    q < restLimit && CHAR_FLAGS[s.charCodeAt(q)] & COMPARATOR_FIRST
      ? wordAt(s, q, restLimit, COMPARATOR_WORDS)
      : undefined;
  const comparator = word ? COMPARATORS.get(word)! : null;
  if (word) end = q + word.length;

  const prefix = wordBefore(s, beforeEnd, floor, PREFIX_WORDS);
  const textStart = prefix ? beforeEnd - prefix.length : start;
  const digits = s.slice(start, matchEnd);
  const value = Number(digits.includes(",") ? digits.replace(/,/g, "") : digits);
  if (!Number.isFinite(value)) return null;
  return {
    start,
    end,
    quantity: {
      value,
      unit: unit === "％" ? "%" : unit,
      comparator,
      approximate: prefix !== undefined && APPROX_WORDS.includes(prefix),
      all: false,
      text: trimAll(s.slice(textStart, end)),
    },
  };
}

/** Every quantity in one line, in order. Years, months, dates, 5点満点 and the denominator of 11地域／11地域 are not quantities. */
function scanLine(folded: string, units: UnitIndex): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < folded.length;) {
    if (!isDigitCode(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = numberEnd(folded, i);
    const found = quantityAt(folded, i, end, units);
    if (found) out.push(found);
    i = end;
  }
  if (folded.includes("全件")) {
    for (const m of folded.matchAll(/全件(?!数)/g)) {
      const start = m.index;
      out.push({
        start,
        end: start + m[0].length,
        quantity: {
          value: 100,
          unit: "%",
          comparator: null,
          approximate: false,
          all: true,
          text: "全件",
        },
      });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** Reads every quantity in a text, without labels. */
export function parseQuantities(text: string, profile: Profile): Quantity[] {
  const units = unitIndex(profile);
  return splitLines(foldWidth(text)).flatMap((line) =>
    scanLine(line, units).map((f) => f.quantity)
  );
}

/** The first quantity of a text (a 前年度 or 目標値 cell), or null. */
export function parseQuantity(text: string, profile: Profile): Quantity | null {
  return parseQuantities(text, profile)[0] ?? null;
}

const YEAR_WORDS =
  /(?:平成|令和|H|R)?\s*\d+\s*年度?\s*(?:まで(?:に)?|中に?|末)?|\d+\s*月\s*(?:末)?\s*(?:現在|時点)?/g;

/** Whether YEAR_WORDS can match at all: some number followed, after spaces, by 年 or 月. */
function mayHoldYearWords(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isDigitCode(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (isDigitCode(text.charCodeAt(j))) j++;
    while (j < text.length && CHAR_FLAGS[text.charCodeAt(j)] & SPACE) j++;
    const c = text.charCodeAt(j);
    if (c === 0x5e74 /* 年 */ || c === 0x6708 /* 月 */) return true;
    i = j - 1;
  }
  return false;
}

/** A label as a person would read it: no bullets, years, trailing particles or separators. */
export function cleanLabel(text: string): string {
  // Years and months need a number and 年 or 月; most labels have neither left once their number is cut off.
  const t = mayHoldYearWords(text) ? text.replace(YEAR_WORDS, "") : text;
  let start = 0;
  while (start < t.length && CHAR_FLAGS[t.charCodeAt(start)] & LEADING) start++;
  let end = t.length;
  for (let i = 0; i < 3; i++) {
    const before = end;
    while (end > start && CHAR_FLAGS[t.charCodeAt(end - 1)] & TRAILING) end--;
    const word =
      end > start && CHAR_FLAGS[t.charCodeAt(end - 1)] & TRAILING_WORD_LAST
        ? wordBefore(t, end, start, TRAILING_WORDS)
        : undefined;
    if (word) end -= word.length;
    if (end === before) break;
  }
  return dropUnmatchedOpening(trimAll(t.slice(start, end)));
}

/** Closing bracket of each opening bracket a label can start with, by code unit. */
const CLOSING = new Map<number, string>(
  [..."(（「『〔【["].map((open, i) => [open.charCodeAt(0), ")）」』〕】]"[i]])
);

/** `(協力企業` → `協力企業`: an opening bracket whose partner was cut off with the number. */
function dropUnmatchedOpening(t: string): string {
  let start = 0;
  for (;;) {
    const close = start < t.length ? CLOSING.get(t.charCodeAt(start)) : undefined;
    if (close === undefined || t.includes(close, start)) break;
    start++;
  }
  return start === 0 ? t : t.slice(start);
}

/** The part of a segment after its last sentence end, when that part says enough on its own. */
function lastSentence(segment: string): string {
  const idx = Math.max(segment.lastIndexOf("。"), segment.lastIndexOf("．"));
  if (idx < 0) return segment;
  const tail = segment.slice(idx + 1);
  return labelSaysEnough(cleanLabel(tail)) ? tail : segment;
}

export type LabelMode = "target" | "actual";

/**
 * Every quantity of a multi-line cell with its label. A line whose label is too short to say what it counts
 * (`平成29年度までに 80％以上`) takes the text of the lines before it. In targets, only what follows the
 * last → counts (`26年度：29.8％→29年度：60％以上` has the target 60％以上).
 */
export function parseLabeledQuantities(
  text: string,
  profile: Profile,
  mode: LabelMode
): LabeledQuantity[] {
  return parseLabeledLines(text, profile, mode).items;
}

/** parseLabeledQuantities, with the cell's width-folded lines it read them from (LabeledQuantity.line indexes them). */
export function parseLabeledLines(
  text: string,
  profile: Profile,
  mode: LabelMode
): { items: LabeledQuantity[]; lines: string[] } {
  const units = unitIndex(profile);
  const out: LabeledQuantity[] = [];
  let pending = "";
  const lines = splitLines(foldWidth(text));
  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo];
    if (isBlankLike(line)) {
      pending = "";
      continue;
    }
    const all = scanLine(line, units);
    let found = all;
    if (found.length === 0) {
      pending += trimAll(line);
      continue;
    }
    const arrow = mode === "target" ? line.lastIndexOf("→") : -1;
    if (arrow >= 0 && found.some((f) => f.start > arrow))
      found = found.filter((f) => f.start > arrow);
    let cursor = 0;
    for (let i = 0; i < found.length; i++) {
      const f = found[i];
      const segment = i === 0 ? line.slice(0, all[0].start) : line.slice(cursor, f.start);
      let label = cleanLabel(lastSentence(segment));
      let enough = labelSaysEnough(label);
      if (!enough && i === 0 && pending) {
        label = cleanLabel(pending + segment);
        enough = labelSaysEnough(label);
      }
      if (!enough && i > 0 && out.length > 0) label = out[out.length - 1].label;
      out.push({ label, quantity: f.quantity, line: lineNo });
      cursor = f.end;
    }
    pending = "";
  }
  return { items: out, lines };
}

/** Per profile, a remembering unitsCompatible: it is asked for every pair of units, again and again. */
const compatibility = oncePerObject((profile: Profile) => {
  const known = new Map<string, Map<string, boolean>>();
  return (a: string, b: string): boolean => {
    let row = known.get(a);
    if (!row) {
      row = new Map();
      known.set(a, row);
    }
    let answer = row.get(b);
    if (answer === undefined) {
      answer = unitsCompatibleUncached(a, b, profile);
      row.set(b, answer);
    }
    return answer;
  };
});

/** Whether a target in unit `a` can be compared with an actual in unit `b`. */
export function unitsCompatible(a: string, b: string, profile: Profile): boolean {
  if (a === "*" || b === "*" || a === b) return true;
  if (a === "" || b === "") return false;
  return compatibility(profile)(a, b);
}

function unitsCompatibleUncached(a: string, b: string, profile: Profile): boolean {
  if (profile.unitSynonyms.some((group) => group.includes(a) && group.includes(b))) return true;
  const pa = a.split("・");
  const pb = b.split("・");
  return pa.includes(b) || pb.includes(a);
}

export function compare(actual: number, comparator: Comparator, target: number): boolean {
  const eps = 1e-9;
  switch (comparator) {
    case ">=":
      return actual >= target - eps;
    case "<=":
      return actual <= target + eps;
    case "<":
      return actual < target - eps;
    case ">":
      return actual > target + eps;
  }
}
