/**
 * The quantity parser as first written, with regular expressions: slower than src/core/quantity.ts but plainly
 * readable. The differential test holds the fast parser to exactly what this one reads.
 */
import type { Profile } from "../../../src/core/profile";
import { foldWidth, isBlankLike } from "../../../src/core/normalize";
import type { Comparator, LabeledQuantity, LabelMode, Quantity } from "../../../src/core/quantity";

export function trimAll(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

interface Found {
  start: number;
  end: number;
  quantity: Quantity;
}

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;
const YEAR_BEFORE = /(?:H|R|S|平成|令和|昭和|第|No\.?|NO\.?|no\.?)\s*$/;
const DATE_AFTER = /^(?:年|ヶ月|か月|カ月|箇月|月|時点|時現在|点満点|歳児)/;
const COMPARATORS: [RegExp, Comparator][] = [
  [/^以上/, ">="],
  [/^以下/, "<="],
  [/^未満/, "<"],
  [/^(?:超|を超える|を超え|を上回る|より多い)/, ">"],
  [/^(?:を下回る|より少ない)/, "<"],
];
const APPROX_BEFORE = /(?:約|およそ|概ね|おおむね)\s*$/;
const PREFIX_BEFORE = /(?:延べ|のべ|約|およそ|概ね|おおむね|全)\s*$/;

const unitsByProfile = new WeakMap<Profile, string[]>();

function sortedUnits(profile: Profile): string[] {
  let units = unitsByProfile.get(profile);
  if (!units) {
    units = [...profile.units].map(foldWidth).sort((a, b) => b.length - a.length);
    unitsByProfile.set(profile, units);
  }
  return units;
}

/**
 * Label keys and bigrams are asked for again and again while pairing targets with actuals; they are kept
 * for one check (checkWorkbook calls resetLabelCache) and never grow past a bound.
 */
const LABEL_CACHE_LIMIT = 100_000;
const keyCache = new Map<string, string>();
const bigramCache = new Map<string, Map<string, number>>();

export function resetLabelCache(): void {
  keyCache.clear();
  bigramCache.clear();
}

function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= LABEL_CACHE_LIMIT) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Every quantity in one line, in order. Years, months, dates, 5点満点 and the denominator of 11地域／11地域 are not quantities. */
const WINDOW = 24;

function scanLine(folded: string, units: string[]): Found[] {
  const out: Found[] = [];
  if (folded.includes("全件"))
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
  for (const m of folded.matchAll(NUMBER)) {
    const start = m.index;
    let end = start + m[0].length;
    // Only the few characters either side decide; windows keep long lines linear.
    const before = folded.slice(Math.max(0, start - WINDOW), start);
    if (YEAR_BEFORE.test(before)) continue;
    if (/[/／]\s*$/.test(before)) continue;
    if (/[\d.]$/.test(before)) continue;
    // The month or day of a date written 2016-05-01.
    if (/\d{4}\s*-\s*(?:\d{1,2}\s*-\s*)?$/.test(before)) continue;
    let after = folded.slice(end, end + WINDOW);
    const gap = after.length - after.trimStart().length;
    after = after.trimStart();
    if (DATE_AFTER.test(after)) continue;
    if (/^日/.test(after) && /月\s*$/.test(before)) continue;
    if (/^[.\d]/.test(after)) continue;
    const unit = units.find((u) => after.startsWith(u)) ?? "";
    if (unit === "" && /^[-~〜～]/.test(after)) continue;
    end += gap + unit.length;
    let rest = folded.slice(end, end + WINDOW);
    const restGap = rest.length - rest.trimStart().length;
    rest = rest.trimStart();
    let comparator: Comparator | null = null;
    for (const [re, cmp] of COMPARATORS) {
      const hit = re.exec(rest);
      if (hit) {
        comparator = cmp;
        end += restGap + hit[0].length;
        break;
      }
    }
    const prefix = PREFIX_BEFORE.exec(before);
    const textStart = prefix ? start - prefix[0].length : start;
    const value = Number(m[0].replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    out.push({
      start,
      end,
      quantity: {
        value,
        unit: unit === "％" ? "%" : unit,
        comparator,
        approximate: APPROX_BEFORE.test(before),
        all: false,
        text: trimAll(folded.slice(textStart, end)),
      },
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Reads every quantity in a text, without labels. */
export function parseQuantities(text: string, profile: Profile): Quantity[] {
  const units = sortedUnits(profile);
  return foldWidth(text)
    .split(/\r\n|\r|\n/)
    .flatMap((line) => scanLine(line, units).map((f) => f.quantity));
}

/** The first quantity of a text (a 前年度 or 目標値 cell), or null. */
export function parseQuantity(text: string, profile: Profile): Quantity | null {
  return parseQuantities(text, profile)[0] ?? null;
}

const YEAR_WORDS =
  /(?:平成|令和|H|R)?\s*\d+\s*年度?\s*(?:まで(?:に)?|中に?|末)?|\d+\s*月\s*(?:末)?\s*(?:現在|時点)?/g;

/** A label as a person would read it: no bullets, years, trailing particles or separators. */
const LEADING_MARKS = /^[\s・○◯〇●◎※■□◆◇*\-－:：、,。…]+/;
const TRAILING_MARKS = /[\s:：、,。…・(（「『〔【→]+$/;
const TRAILING_WORDS = /(?:延べ|のべ|約|およそ|概ね|おおむね|全|が|は|を|で|に|も)$/;

export function cleanLabel(text: string): string {
  // Years and months need a digit; most labels have none left once their number is cut off.
  let t = /\d/.test(text) ? text.replace(YEAR_WORDS, "") : text;
  t = t.replace(LEADING_MARKS, "");
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(TRAILING_MARKS, "").replace(TRAILING_WORDS, "");
    if (t === before) break;
  }
  return dropUnmatchedOpening(trimAll(t));
}

const PAIRS: Record<string, string> = {
  "(": ")",
  "（": "）",
  "「": "」",
  "『": "』",
  "〔": "〕",
  "【": "】",
  "[": "]",
};

/** `(協力企業` → `協力企業`: an opening bracket whose partner was cut off with the number. */
function dropUnmatchedOpening(t: string): string {
  let out = t;
  while (out.length > 0 && PAIRS[out[0]] && !out.includes(PAIRS[out[0]])) out = out.slice(1);
  return out;
}

function meaningful(label: string): boolean {
  return labelKey(label).length >= 4;
}

/** The part of a segment after its last sentence end, when that part says enough on its own. */
function lastSentence(segment: string): string {
  const idx = Math.max(segment.lastIndexOf("。"), segment.lastIndexOf("．"));
  if (idx < 0) return segment;
  const tail = segment.slice(idx + 1);
  return meaningful(cleanLabel(tail)) ? tail : segment;
}

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
  const units = sortedUnits(profile);
  const out: LabeledQuantity[] = [];
  let pending = "";
  foldWidth(text)
    .split(/\r\n|\r|\n/)
    .forEach((line, lineNo) => {
      if (isBlankLike(line)) {
        pending = "";
        return;
      }
      const all = scanLine(line, units);
      let found = all;
      if (found.length === 0) {
        pending += trimAll(line);
        return;
      }
      const arrow = line.lastIndexOf("→");
      if (mode === "target" && arrow >= 0 && found.some((f) => f.start > arrow)) {
        found = found.filter((f) => f.start > arrow);
      }
      let cursor = 0;
      found.forEach((f, i) => {
        const segment = i === 0 ? line.slice(0, all[0].start) : line.slice(cursor, f.start);
        let label = cleanLabel(lastSentence(segment));
        if (!meaningful(label) && i === 0 && pending) label = cleanLabel(pending + segment);
        if (!meaningful(label) && i > 0 && out.length > 0) label = out[out.length - 1].label;
        out.push({ label, quantity: f.quantity, line: lineNo });
        cursor = f.end;
      });
      pending = "";
    });
  return out;
}

/** Comparable form of a label: letters only (no spaces, punctuation, symbols or digits), width-folded. */
export function labelKey(label: string): string {
  return remember(keyCache, label, () =>
    foldWidth(label)
      .normalize("NFKC")
      .replace(/[\s\p{P}\p{S}\p{N}]/gu, "")
      // The key is itself normalized: removing a digit or symbol can leave a mark next to a letter (し0ﾞ).
      .normalize("NFKC")
  );
}

function bigrams(s: string): Map<string, number> {
  return remember(bigramCache, s, () => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) {
      const g = s.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  });
}

/** Dice coefficient over character bigrams (0–1); a label contained in the other counts as 0.9 at least. */
export function labelSimilarity(a: string, b: string): number {
  const ka = labelKey(a);
  const kb = labelKey(b);
  if (ka.length === 0 || kb.length === 0) return 0;
  if (ka === kb) return 1;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(ka.length - 1, 0) + Math.max(kb.length - 1, 0);
  const dice = total === 0 ? 0 : (2 * shared) / total;
  const shorter = ka.length <= kb.length ? ka : kb;
  const longer = shorter === ka ? kb : ka;
  return shorter.length >= 6 && longer.includes(shorter) ? Math.max(dice, 0.9) : dice;
}
