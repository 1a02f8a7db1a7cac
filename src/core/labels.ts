/**
 * Labels as the matcher compares them: a key of letters only, and how alike two keys are. Pairing a criterion
 * with its actual compares labels again and again, so callers make an initiative's keys once and bigrams are
 * compared in reusable buffers.
 */
import { foldWidth } from "./normalize";

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
  // Normalized again after the removal, so that the key of a key is the key: marks left without their base (᾽ is
  // a space and a mark under NFKC) are put in canonical order, and a mark left next to a letter (し0ﾞ) joins it.
  return foldWidth(label)
    .normalize("NFKC")
    .replace(/[\s\p{P}\p{S}\p{N}]/gu, "")
    .normalize("NFKC");
}

/** Comparable form of a label: letters only (no spaces, punctuation, symbols or digits), width-folded, NFKC. */
export function labelKey(label: string): string {
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

/**
 * The bigrams of the key compared last on the left, counted in an open-addressing table: a criterion is compared
 * with each of its candidates in turn, so the table is built once per criterion and each candidate only probes it.
 * Nothing is allocated per comparison, and nothing is kept between checks but the buffers.
 */
let slots = new Int32Array(64);
/** A slot holds a bigram of the current table when its generation is the table's (codes may be any int32, 0 too). */
let slotGeneration = new Uint32Array(64);
let generation = 0;
let counts = new Uint16Array(64);
/** How many of a slot's bigrams the current comparison has used, valid where usedIn equals the comparison's stamp. */
let used = new Uint16Array(64);
let usedIn = new Uint32Array(64);
let stamp = 0;
let mask = 63;
let shift = 26;
let keyInTable: string | null = null;

/** Slot of a bigram code (both UTF-16 units in one int32): where it is, or the empty slot where it would go. */
function slotOf(code: number): number {
  // Fibonacci hashing: the high bits of the product mix both characters of the bigram.
  let i = Math.imul(code, 0x9e3779b1) >>> shift;
  while (slotGeneration[i] === generation && slots[i] !== code) i = (i + 1) & mask;
  return i;
}

function countBigrams(key: string): void {
  let size = 64;
  while (size < key.length * 2) size *= 2;
  if (size > slots.length) {
    slots = new Int32Array(size);
    slotGeneration = new Uint32Array(size);
    counts = new Uint16Array(size);
    used = new Uint16Array(size);
    usedIn = new Uint32Array(size);
    generation = 0;
  }
  generation = generation === 0xffffffff ? 1 : generation + 1;
  if (generation === 1) slotGeneration.fill(0);
  mask = size - 1;
  shift = 32 - Math.log2(size);
  for (let i = 0; i + 1 < key.length; i++) {
    const code = (key.charCodeAt(i) << 16) | key.charCodeAt(i + 1);
    const slot = slotOf(code);
    if (slotGeneration[slot] !== generation) {
      slotGeneration[slot] = generation;
      slots[slot] = code;
      counts[slot] = 1;
    } else counts[slot]++;
  }
  keyInTable = key;
}

/** How many bigrams two keys share, repeats counted as often as both have them. */
function sharedBigrams(ka: string, kb: string): number {
  if (ka !== keyInTable) countBigrams(ka);
  stamp = stamp === 0xffffffff ? 1 : stamp + 1;
  if (stamp === 1) usedIn.fill(0);
  let shared = 0;
  for (let i = 0; i + 1 < kb.length; i++) {
    const slot = slotOf((kb.charCodeAt(i) << 16) | kb.charCodeAt(i + 1));
    if (slotGeneration[slot] !== generation) continue;
    if (usedIn[slot] !== stamp) {
      usedIn[slot] = stamp;
      used[slot] = 0;
    }
    if (used[slot] < counts[slot]) {
      used[slot]++;
      shared++;
    }
  }
  return shared;
}

/** Dice coefficient over character bigrams (0–1); a label contained in the other counts as 0.9 at least. */
export function labelSimilarity(a: string, b: string): number {
  return keySimilarity(labelKey(a), labelKey(b));
}

/** labelSimilarity of two labels given by their keys. */
export function keySimilarity(ka: string, kb: string): number {
  if (ka.length === 0 || kb.length === 0) return 0;
  if (ka === kb) return 1;
  const shared = sharedBigrams(ka, kb);
  const total = Math.max(ka.length - 1, 0) + Math.max(kb.length - 1, 0);
  const dice = total === 0 ? 0 : (2 * shared) / total;
  const shorter = ka.length <= kb.length ? ka : kb;
  const longer = shorter === ka ? kb : ka;
  // A key inside the other shares all its bigrams, so the substring search is only needed when they are all shared.
  return shorter.length >= 6 && shared === shorter.length - 1 && longer.includes(shorter)
    ? Math.max(dice, 0.9)
    : dice;
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
