/**
 * Character folding for the workbook's text. NFKC is deliberately not used on codes: it turns ① into 1
 * and ⅰ into i, which would erase the difference between a status code and a number.
 */

/** Full-width ASCII (！..～) to ASCII and the ideographic space to a space; one character for one, so indices are kept. */
export function foldWidth(text: string): string {
  // A hand loop: this runs on every cell Hyoka reads, and Japanese text is full of full-width （）：％.
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += text.slice(last, i) + (c === 0x3000 ? " " : String.fromCharCode(c - 0xfee0));
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

const DASHES = /[‐‑‒–—―−－ｰー─━]/g;

/** Hyphen-like characters as they occur between the digits of a code (１－３－１, 1ー3ー1). */
export function foldDashes(text: string): string {
  return text.replace(DASHES, "-");
}

/** Text for comparing headers: width folded, NFKC (headers hold no status codes), no spaces or line breaks. */
export function normalizeHeader(text: string): string {
  return foldWidth(text)
    .normalize("NFKC")
    .replace(/[\s\u200b]+/g, "");
}

const DASH_LIKE = new Set([..."‐‑‒–—―−－ｰー─━-・"].map((ch) => ch.charCodeAt(0)));
const NA = 0x306a; // な
const MU = 0x7121; // 無
const SHI = 0x3057; // し

/**
 * A cell that only holds a dash or nothing counts as empty (the workbook writes ― for "none"): white space and
 * zero-width spaces aside, nothing, only dashes and dots, or なし / 無し.
 */
export function isBlankLike(text: string): boolean {
  let visible = 0;
  let first = -1;
  let second = -1;
  let dashesOnly = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c) || c === 0x200b) continue;
    visible++;
    if (!DASH_LIKE.has(c)) dashesOnly = false;
    if (visible === 1) first = c;
    else if (visible === 2) second = c;
    // Most cells hold text: their first visible characters already tell.
    if (!dashesOnly && (visible > 2 || (first !== NA && first !== MU))) return false;
  }
  return dashesOnly || (visible === 2 && second === SHI);
}

/** The lines of a cell, whatever its line breaks (\r\n, \r or \n); most cells only have \n, split without a regex. */
export function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}

/** Where the line starting at `start` ends: the next \r or \n, or the text's end. */
export function lineEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Trims spaces, ideographic spaces and line breaks from both ends (String.prototype.trim's set is exactly \s). */
export function trimAll(text: string): string {
  return text.trim();
}

/** The characters of JavaScript's \s (and of String.prototype.trim), as UTF-16 code units. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
