/**
 * The quantity parser is written for speed (character loops, no intermediate strings). It must read exactly what
 * the plainly written regex parser in reference/quantityByRegex.ts reads: on every seed line, on every cell of the
 * sample workbook, and on generated text built from the pieces that decide a reading.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { defaultProfile as P } from "../../src/core/profile";
import { isSpaceCode, trimAll } from "../../src/core/normalize";
import * as fast from "../../src/core/quantity";
import { labelKey, labelSimilarity } from "../../src/core/labels";
import * as reference from "./reference/quantityByRegex";
import * as codesReference from "./reference/codesByRegex";
import { matchActual as matchBySort } from "./reference/matchBySort";
import { matchActual } from "../../src/core/match";
import { findStrategyCode, readGroupRow, readInitiativeCode } from "../../src/core/codes";
import { initiativeTitle } from "../../src/core/evaluation";
import { isBlankLike } from "../../src/core/normalize";
import { readGrids } from "../helpers/excelJsGrids";
import { SAMPLE, seedText } from "../helpers/seed";

function sameReading(text: string): void {
  expect(fast.parseLabeledQuantities(text, P, "target")).toEqual(
    reference.parseLabeledQuantities(text, P, "target")
  );
  expect(fast.parseLabeledQuantities(text, P, "actual")).toEqual(
    reference.parseLabeledQuantities(text, P, "actual")
  );
  expect(fast.parseQuantities(text, P)).toEqual(reference.parseQuantities(text, P));
  // judgeIndicator takes an actual's quantities from its labeled reading.
  expect(fast.parseLabeledQuantities(text, P, "actual").map((q) => q.quantity)).toEqual(
    fast.parseQuantities(text, P)
  );
  expect(fast.cleanLabel(text)).toBe(reference.cleanLabel(text));
  expect(labelKey(text)).toBe(reference.labelKey(text));
  expect(readInitiativeCode(text)).toEqual(codesReference.readInitiativeCode(text));
  expect(findStrategyCode(text)).toBe(codesReference.findStrategyCode(text));
  expect(readGroupRow(text)).toEqual(codesReference.readGroupRow(text));
  expect(initiativeTitle(text)).toBe(codesReference.initiativeTitle(text));
  expect(isBlankLike(text)).toBe(codesReference.isBlankLike(text));
}

/** Everything that decides a reading: years, months, dates, ratios, units, comparators, prefixes, windows of space. */
const pieces = [
  "0",
  "1",
  "12",
  "2016",
  "30",
  "1,234",
  "1,23",
  "2,700",
  "51.1",
  "3.",
  ".5",
  "１",
  "２０",
  "％",
  "%",
  "人",
  "団体・人",
  "団体",
  "企業・団体",
  "地域",
  "小学校区",
  "校区",
  "か所",
  "万円",
  "円",
  "点",
  "件",
  "回",
  "年",
  "年度",
  "ヶ月",
  "か月",
  "月",
  "日",
  "時点",
  "時現在",
  "点満点",
  "歳児",
  "H",
  "R",
  "S",
  "平成",
  "令和",
  "昭和",
  "第",
  "No.",
  "NO",
  "no",
  "/",
  "／",
  "-",
  "－",
  "~",
  "〜",
  "～",
  "以上",
  "以下",
  "未満",
  "超",
  "を超える",
  "を超え",
  "を上回る",
  "より多い",
  "を下回る",
  "より少ない",
  "延べ",
  "のべ",
  "約",
  "およそ",
  "概ね",
  "おおむね",
  "全",
  "全件",
  "全件数",
  " ",
  "　",
  "                         ",
  "\t",
  "\n",
  "\r\n",
  "。",
  "．",
  "、",
  "：",
  ":",
  "→",
  "・",
  "（",
  "(",
  "）",
  "「",
  "」",
  "【",
  "】",
  "〔",
  "※",
  "○",
  "…",
  "が",
  "は",
  "を",
  "で",
  "に",
  "も",
  "区民の割合",
  "参加者数",
  "ＡＢＣ",
  "ｱｲｳ",
  "ゟ",
  "𠮷",
  "🍙",
  "①",
  "ⅱ",
  "\u200b",
  "\u3099",
  "か",
  "ﾞ",
  "【1-1-1】",
  "【１－３－１】",
  "１－３－１",
  "1-3-1",
  "（1-2-3）",
  "[",
  "［",
  "〕",
  "】",
  "＜再掲＞",
  "再掲",
  "戦略",
  "経営課題",
  "１－",
  "1ー3ー1",
  "―",
  "なし",
  "無し",
  // Later templates: codes with a word inside the bracket, a bracket holding code and title, budget notes.
  "【具体的取組1-1-1】",
  "【具体的取組",
  "具体的取組",
  "取組",
  "【戦略1-1】",
  "【戦略１－１ ",
  "めざす成果",
  "予算額",
  "予算",
  "［予算額 263千円］",
  "[予算額 1,024千円]",
  "］",
  "）",
  "〕",
  " ".repeat(60),
  "\u3000".repeat(30),
];
const workbookText = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join("")),
  fc.string({ unit: "grapheme", maxLength: 40 })
);

describe("the fast quantity parser reads exactly what the regex parser reads", () => {
  test("every line and every paragraph of the seed documents", () => {
    const seed = seedText();
    expect(seed.length).toBeGreaterThan(1000);
    const lines = seed.split(/\n/);
    const paragraphs = seed.split(/\n\s*\n/);
    for (const text of [...lines, ...paragraphs]) sameReading(text);
  });

  test("every cell of the sample workbook", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const cells = readGrids(wb)
      .flatMap((g) => g.cells.flat())
      .filter((t) => t !== "");
    expect(cells.length).toBeGreaterThan(100);
    for (const text of cells) sameReading(text);
  });

  test("generated text built from the deciding pieces", () => {
    fc.assert(
      fc.property(workbookText, (text) => {
        sameReading(text);
      }),
      // A half-width voiced mark after a digit: the key joins it to the letter before once the digit is gone.
      { numRuns: 3000, examples: [["無し0ﾞ"]] }
    );
  });

  test("label similarity agrees on pairs of generated labels and seed labels", () => {
    const labels = reference
      .parseLabeledQuantities(seedText(), P, "actual")
      .map((q) => q.label)
      .slice(0, 300);
    for (let i = 0; i + 1 < labels.length; i++)
      expect(labelSimilarity(labels[i], labels[i + 1])).toBe(
        reference.labelSimilarity(labels[i], labels[i + 1])
      );
    fc.assert(
      fc.property(workbookText, workbookText, (a, b) => {
        expect(labelSimilarity(a, b)).toBe(reference.labelSimilarity(a, b));
      }),
      { numRuns: 2000 }
    );
  });

  test("label similarity agrees when one label is compared with many: repeats, long labels, a growing table", () => {
    // Few letters, so bigrams repeat; up to 400 of them, so the bigram table grows past its first size.
    const letters = fc.constantFrom(..."地域参加者数のアイ回率ab・ 　");
    const label = fc.array(letters, { maxLength: 400 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(
        label,
        fc.array(label, { minLength: 1, maxLength: 8 }),
        (criterion, candidates) => {
          for (const candidate of candidates)
            expect(labelSimilarity(criterion, candidate)).toBe(
              reference.labelSimilarity(criterion, candidate)
            );
        }
      ),
      { numRuns: 1500 }
    );
    // Any two UTF-16 units make a bigram, NUL and U+FFFF included (a code of 0 or -1 in the table).
    for (const [a, b] of [
      ["\0\0\0地域", "\0\0\0地区"],
      ["\uffff\uffff参加", "\uffff\uffff参加者"],
    ])
      expect(labelSimilarity(a, b)).toBe(reference.labelSimilarity(a, b));
  });
});

test("matchActual picks the actual, or gives up, as scoring and sorting every candidate does", () => {
  const seedItems = reference.parseLabeledQuantities(seedText(), P, "actual");
  const check = (label: string, quantity: fast.Quantity, actuals: fast.LabeledQuantity[]) =>
    expect(matchActual(label, quantity, actuals, P)).toEqual(
      matchBySort(label, quantity, actuals, P)
    );
  for (let i = 0; i + 8 < seedItems.length; i += 3)
    check(seedItems[i].label, seedItems[i].quantity, seedItems.slice(i + 1, i + 8));
  fc.assert(
    fc.property(workbookText, workbookText, (target, actual) => {
      const actuals = fast.parseLabeledQuantities(actual, P, "actual");
      for (const t of fast.parseLabeledQuantities(target, P, "target"))
        check(t.label, t.quantity, actuals);
    }),
    { numRuns: 2000 }
  );
});

describe("character classes the fast paths rely on", () => {
  test("isSpaceCode is JavaScript's \\s, for every UTF-16 code unit", () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++)
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  test("trimAll trims what the regex trimmed", () => {
    const spaces = [" ", "\u3000", "\n", "\t", "\u00a0", "\ufeff", "\u2028", "a", "区", "\u200b"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces), { maxLength: 12 }), (p) => {
        const text = p.join("");
        expect(trimAll(text)).toBe(reference.trimAll(text));
      })
    );
  });

  test("isBlankLike tells blank cells as the regex did: dashes, dots, なし and 無し amid any white space", () => {
    const chars = [..."‐‑‒–—―−－ｰー─━-・なし無区a", " ", "\u3000", "\n", "\u200b", "\u00a0"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 7 }), (p) => {
        const text = p.join("");
        expect(isBlankLike(text)).toBe(codesReference.isBlankLike(text));
      }),
      { numRuns: 5000 }
    );
  });

  test("labelKey of every single character is what NFKC and Unicode classes make of it", () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (labelKey(ch) !== reference.labelKey(ch))
        throw new Error(`U+${c.toString(16)}: ${labelKey(ch)} vs ${reference.labelKey(ch)}`);
    }
  });
});
