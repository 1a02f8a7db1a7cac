/**
 * Character folding for the workbook's text. NFKC is deliberately not used on codes: it turns ① into 1
 * and ⅰ into i, which would erase the difference between a status code and a number.
 */

/** Full-width ASCII (！..～) to ASCII and the ideographic space to a space; one character for one, so indices are kept. */
const WIDE = /[\uff01-\uff5e\u3000]/g;

export function foldWidth(text: string): string {
  return text.replace(WIDE, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
  );
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
export function isBlankLike(text: string): boolean {
  const t = text.replace(/[\s\u200b]+/g, "");
  return t === "" || /^[‐‑‒–—―−－ｰー─━\-・]+$/.test(t) || t === "なし" || t === "無し";
}

/** Trims spaces, ideographic spaces and line breaks from both ends. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}
