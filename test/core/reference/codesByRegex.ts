/**
 * Readers as first written, on whole texts with regular expressions. The fast readers in src/core look at less
 * (a prefix, a first character) and must decide exactly as these do.
 */
import { foldDashes, foldWidth } from "../../../src/core/normalize";
import { trimAll } from "./quantityByRegex";

export function readInitiativeCode(text: string): { code: string; rest: string } | null {
  const original = trimAll(text);
  const t = foldDashes(foldWidth(original));
  const m = /^(?:[【[(〔]\s*(?:具体的取組|具体的な取組|取組)?\s*)?(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{1,3})\s*[】\])〕]?/.exec(t);
  if (!m) return null;
  return {
    code: `${Number(m[1])}-${Number(m[2])}-${Number(m[3])}`,
    rest: original.slice(m[0].length),
  };
}

export function findStrategyCode(text: string): string | null {
  const t = foldDashes(foldWidth(text));
  const m = /[【[〔]\s*(?:めざす成果|戦略)?\s*(\d{1,2})\s*-\s*(\d{1,2})(?!\d)(?!\s*-\s*\d)/.exec(t);
  return m ? `${Number(m[1])}-${Number(m[2])}` : null;
}

export function readGroupRow(text: string): { issueNo?: number; strategyCode?: string } | null {
  const t = foldDashes(foldWidth(trimAll(text)));
  const strategy = /^戦略\s*(\d{1,2})\s*-\s*(\d{1,2})(?!\s*-\s*\d)/.exec(t);
  if (strategy) {
    return {
      issueNo: Number(strategy[1]),
      strategyCode: `${Number(strategy[1])}-${Number(strategy[2])}`,
    };
  }
  const issue = /^経営課題\s*(\d{1,2})(?!\s*-)/.exec(t);
  if (issue) return { issueNo: Number(issue[1]) };
  return null;
}

export function initiativeTitle(rest: string): string {
  const line =
    trimAll(rest)
      .split(/\r\n|\r|\n/)
      .map((l) => trimAll(l.replace(/^[＜<]?再掲[＞>]?/, "")))
      .find((l) => l !== "") ?? "";
  const stop = line.indexOf("。");
  return cleanTitle(stop > 0 ? line.slice(0, stop) : line);
}

/** A budget note in brackets (to the line's end when never closed); then a closing bracket no opener matches. */
function cleanTitle(title: string): string {
  let out = title.replace(/[【[［(（〔]予算額[^】\]］)）〕]*[】\]］)）〕]?/, "");
  out = out.replace(/[【[［(（〔]予算[^】\]］)）〕]*[】\]］)）〕]?/, "");
  const opened = (s: string) => (s.match(/[【[［(（〔]/g) ?? []).length - (s.match(/[】\]］)）〕]/g) ?? []).length;
  for (let i = 0; i < out.length; i++) {
    if (/[】\]］)）〕]/.test(out[i]) && opened(out.slice(0, i)) <= 0) {
      out = out.slice(0, i) + out.slice(i + 1);
      break;
    }
  }
  return trimAll(out);
}

export function isBlankLike(text: string): boolean {
  const first = /[^\s\u200b]/.exec(text);
  if (!first) return true;
  if (!/[\s\u200b‐‑‒–—―−－ｰー─━\-・な無]/.test(first[0])) return false;
  const t = text.replace(/[\s\u200b]+/g, "");
  return t === "" || /^[‐‑‒–—―−－ｰー─━\-・]+$/.test(t) || t === "なし" || t === "無し";
}
