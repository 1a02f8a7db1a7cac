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

/** A cell that only holds a dash or nothing counts as empty (the workbook writes ― for "none"). */
const BLANK_START = /[\s\u200b‐‑‒–—―−－ｰー─━\-・な無]/;

export function isBlankLike(text: string): boolean {
  // Most cells hold text: the first visible character already tells.
  const first = /[^\s\u200b]/.exec(text);
  if (!first) return true;
  if (!BLANK_START.test(first[0])) return false;
  const t = text.replace(/[\s\u200b]+/g, "");
  return t === "" || /^[‐‑‒–—―−－ｰー─━\-・]+$/.test(t) || t === "なし" || t === "無し";
}

/** Trims spaces, ideographic spaces and line breaks from both ends. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}
