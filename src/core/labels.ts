/**
 * Labels as the matcher compares them: a key of letters only, and how alike two keys are. Pairing a criterion
 * with its actual compares labels again and again, so keys are cached for one check and bigrams are compared in
 * reusable buffers.
 */
import { foldWidth } from "./normalize";

/**
 * Label keys are asked for again and again while pairing one initiative's targets with its actuals; they are
 * kept for one check (checkWorkbook calls resetLabelCache), a few thousand at a time: labels are reused within
 * an initiative, rarely across them, so a small cache keeps what matters and memory stays flat.
 */
const LABEL_CACHE_LIMIT = 4_096;
const keyCache = new Map<string, string>();

export function resetLabelCache(): void {
  keyCache.clear();
}

/**
 * Characters whose place in a label key is known without NFKC: kept (letters, kana, kanji) or dropped (spaces,
 * digits, punctuation, brackets). Anything else goes through NFKC and Unicode classes.
 */
function keyClass(c: number): "keep" | "drop" | "other" {
  if (c < 0x80) {
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return "keep";
    return (c >= 32 && c < 127) || (c >= 9 && c <= 13) ? "drop" : "other";
  }
  if ((c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e) return "keep";
  if ((c >= 0x30a1 && c <= 0x30fa) || (c >= 0x30fc && c <= 0x30fe)) return "keep";
  if ((c >= 0x4e00 && c <= 0x9fff) || c === 0x3005 || c === 0x3006) return "keep";
  if (c === 0x3000 || (c >= 0x3001 && c <= 0x3003) || (c >= 0x3007 && c <= 0x3011) || c === 0x30fb)
    return "drop";
  if (c >= 0xff01 && c <= 0xff5e) return keyClass(c - 0xfee0);
  return "other";
}

function slowLabelKey(label: string): string {
  return foldWidth(label)
    .normalize("NFKC")
    .replace(/[\s\p{P}\p{S}\p{N}]/gu, "");
}

function makeLabelKey(label: string): string {
  let out = "";
  let run = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    const kind = keyClass(c);
    if (kind === "other") return slowLabelKey(label);
    if (kind === "drop" || c >= 0xff01) {
      // A kept full-width letter is written as its ASCII form.
      out += label.slice(run, i);
      if (kind === "keep") out += String.fromCharCode(c - 0xfee0);
      run = i + 1;
    }
  }
  return run === 0 ? label : out + label.slice(run);
}

/** Comparable form of a label: letters only (no spaces, punctuation, symbols or digits), width-folded, NFKC. */
export function labelKey(label: string): string {
  let key = keyCache.get(label);
  if (key === undefined) {
    if (keyCache.size >= LABEL_CACHE_LIMIT) keyCache.clear();
    key = makeLabelKey(label);
    keyCache.set(label, key);
  }
  return key;
}

/**
 * Scratch space for bigram codes. Comparing two labels writes each key's bigrams here as numbers, sorts them and
 * counts the common ones in one merge: no allocation per comparison, and none of it kept between checks.
 */
let scratchA = new Uint32Array(128);
let scratchB = new Uint32Array(128);

/** Writes a key's character bigrams (two UTF-16 units as one number) into `into`, sorted; returns how many. */
function sortedBigrams(key: string, into: Uint32Array): number {
  const n = key.length - 1;
  for (let i = 0; i < n; i++) into[i] = key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1);
  if (n > 24) {
    into.subarray(0, n).sort();
    return n;
  }
  // Insertion sort: short labels are the common case, and this allocates nothing.
  for (let i = 1; i < n; i++) {
    const v = into[i];
    let j = i - 1;
    while (j >= 0 && into[j] > v) {
      into[j + 1] = into[j];
      j--;
    }
    into[j + 1] = v;
  }
  return n;
}

/** The key whose bigrams scratchA holds: a criterion is compared with each candidate in turn, so it is often the same. */
let keyInA: string | null = null;
let countInA = 0;

/** How many bigrams two keys share, repeats counted as often as both have them. */
function sharedBigrams(ka: string, kb: string): number {
  if (ka.length > scratchA.length) {
    scratchA = new Uint32Array(ka.length * 2);
    keyInA = null;
  }
  if (kb.length > scratchB.length) scratchB = new Uint32Array(kb.length * 2);
  if (ka !== keyInA) {
    countInA = sortedBigrams(ka, scratchA);
    keyInA = ka;
  }
  const na = countInA;
  const nb = sortedBigrams(kb, scratchB);
  let shared = 0;
  for (let i = 0, j = 0; i < na && j < nb;) {
    if (scratchA[i] === scratchB[j]) {
      shared++;
      i++;
      j++;
    } else if (scratchA[i] < scratchB[j]) i++;
    else j++;
  }
  return shared;
}

/** Dice coefficient over character bigrams (0–1); a label contained in the other counts as 0.9 at least. */
export function labelSimilarity(a: string, b: string): number {
  const ka = labelKey(a);
  const kb = labelKey(b);
  if (ka.length === 0 || kb.length === 0) return 0;
  if (ka === kb) return 1;
  const shared = sharedBigrams(ka, kb);
  const total = Math.max(ka.length - 1, 0) + Math.max(kb.length - 1, 0);
  const dice = total === 0 ? 0 : (2 * shared) / total;
  const shorter = ka.length <= kb.length ? ka : kb;
  const longer = shorter === ka ? kb : ka;
  return shorter.length >= 6 && longer.includes(shorter) ? Math.max(dice, 0.9) : dice;
}

/** Whether a label says enough to be compared: four letters at least once marks, digits and spaces are gone. */
export function labelSaysEnough(label: string): boolean {
  // Counted without building the key; only text outside the known classes needs the key itself.
  let letters = 0;
  for (let i = 0; i < label.length && letters < 4; i++) {
    const kind = keyClass(label.charCodeAt(i));
    if (kind === "other") return labelKey(label).length >= 4;
    if (kind === "keep") letters++;
  }
  return letters >= 4;
}
