import { trimAll } from "./normalize";

/** The longest code an inline status can be (A, B, Ａ…): a tail longer than this is text, not a status. */
const MAX_CODE_LENGTH = 2;

/**
 * A status written at the end of a value's text, R5 style: `…(令和4年度 10,488世帯):A` → the text and `A`.
 * Null when the text does not end with a separator and a short code that holds no digit.
 */
export function splitInlineStatus(
  text: string,
  separators: readonly string[]
): { text: string; status: string } | null {
  const trimmed = trimAll(text);
  let at = -1;
  let sepLength = 0;
  for (const sep of separators) {
    const i = trimmed.lastIndexOf(sep);
    if (i > at) {
      at = i;
      sepLength = sep.length;
    }
  }
  if (at <= 0) return null;
  const status = trimAll(trimmed.slice(at + sepLength));
  if (status === "" || status.length > MAX_CODE_LENGTH || /[0-9０-９]/.test(status)) return null;
  return { text: trimAll(trimmed.slice(0, at)), status };
}
