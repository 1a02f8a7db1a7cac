import fc from "fast-check";
import { defaultProfile as P } from "../../src/core/profile";
import { parseLabeledQuantities, parseQuantities, parseQuantity } from "../../src/core/quantity";
import { labelSimilarity } from "../../src/core/labels";
import { parseTargets, parseThresholds } from "../../src/core/criteria";
import { seedText } from "../helpers/seed";

const q = (text: string) => parseQuantity(text, P);

describe("parseQuantity: the forms of DOMAIN.md, with strings from the seed", () => {
  test.each([
    ["延べ30団体・人", 30, "団体・人", null],
    ["200人", 200, "人", null],
    ["延べ74団体・人", 74, "団体・人", null],
    ["約2,700 人", 2700, "人", null],
    ["８地域", 8, "地域", null],
    ["13件(28年度新規1件）", 13, "件", null],
    ["1１件", 11, "件", null],
    ["５件", 5, "件", null],
    ["51.1％", 51.1, "%", null],
    ["3.5点以上", 3.5, "点", ">="],
    ["１件以上", 1, "件", ">="],
    ["年４回以上", 4, "回", ">="],
    ["5地域以下であれば事業を再構築する", 5, "地域", "<="],
    ["40％未満であれば", 40, "%", "<"],
    ["割合が90％以下であれば", 90, "%", "<="],
    ["3４企業・団体", 34, "企業・団体", null],
    ["100人超", 100, "人", ">"],
  ])("%s → %d %s %s", (text, value, unit, comparator) => {
    const got = q(text);
    expect(got).not.toBeNull();
    expect(got!.value).toBe(value);
    expect(got!.unit).toBe(unit);
    expect(got!.comparator).toBe(comparator);
  });

  test("約 marks an approximate value", () => {
    expect(q("約2,700 人")!.approximate).toBe(true);
    expect(q("2700人")!.approximate).toBe(false);
  });

  test("全件 is everything: 100%", () => {
    expect(q("公表した件数：全件")).toMatchObject({ value: 100, unit: "%", all: true });
  });

  test("years, months, dates and 点満点 are not quantities", () => {
    expect(parseQuantities("平成２7年度：", P)).toEqual([]);
    expect(parseQuantities("・H27. 5月　全11地域に補助金を交付", P).map((x) => x.value)).toEqual([11]);
    expect(parseQuantities("H29年度までに", P)).toEqual([]);
    expect(parseQuantities("（５点満点）での点数 3.5点", P).map((x) => x.value)).toEqual([3.5]);
    expect(parseQuantities("区役所を過去１年間に訪れた区民", P)).toEqual([]);
    expect(parseQuantities("27年9月末時点　５２企業・団体登録", P).map((x) => x.value)).toEqual([52]);
  });

  test("a fraction counts its numerator only", () => {
    expect(parseQuantities("・ホームページの開設地域数 … 6地域／11地域", P).map((x) => x.value)).toEqual([6]);
  });

  test("NFKC is not applied: ① in text is not the number 1", () => {
    expect(parseQuantities("①(i)", P)).toEqual([]);
  });
});

describe("parseLabeledQuantities: every quantity of a multi-line cell with what it counts", () => {
  const actual11 =
    "平成28年度：　コミュニティ促進事業部会：28団体・人　スポーツ推進事業部会：13団体・人、文化振興事業部会：15団体・人、こどもの健全育成事業部会：18団体・人。・区民が企画し実施するイベントを6回開催した。・プロスポーツとの連携・区民デー等参加人数：約2,700 人\n\n" +
    "・コミュニティ促進や文化、スポーツ、子育て等のイベントや講座等に企画段階から参画した団体やグループ、個人の数：延べ74団体・人\n" +
    "・区役所が提供した機会を利用した区民の数：2700人";

  test("labels come from the text before each number", () => {
    const items = parseLabeledQuantities(actual11, P, "actual");
    expect(items.map((i) => i.quantity.value)).toEqual([28, 13, 15, 18, 6, 2700, 74, 2700]);
    expect(items[0].label).toBe("コミュニティ促進事業部会");
    expect(items[5].label).toBe("プロスポーツとの連携・区民デー等参加人数");
    expect(items[7].label).toBe("区役所が提供した機会を利用した区民の数");
  });

  test("a line that only says when takes its label from the line before (6-4-2)", () => {
    const items = parseLabeledQuantities(
      "区役所を過去１年間に訪れた区民のうち、来庁者への案内サービスや窓口での応対が良いと感じた区民の割合\n平成29年度までに　80％以上",
      P,
      "target",
    );
    expect(items).toHaveLength(1);
    expect(items[0].quantity).toMatchObject({ value: 80, unit: "%", comparator: ">=" });
    expect(items[0].label).toContain("良いと感じた区民の割合");
  });

  test("in a target, only what follows → counts", () => {
    const items = parseLabeledQuantities(
      "○地域団体の活動内容や会計の状況を知る機会が増えたと感じている区民の割合：26年度：29.8％→29年度：60％以上",
      P,
      "target",
    );
    expect(items.map((i) => i.quantity.value)).toEqual([60]);
    expect(items[0].label).toBe("地域団体の活動内容や会計の状況を知る機会が増えたと感じている区民の割合");
  });
});

describe("targets and withdrawal thresholds", () => {
  test("a target with no comparator means at least", () => {
    const [t] = parseTargets("・区役所が提供した機会を利用した区民の数：200人", P);
    expect(t.quantity).toMatchObject({ value: 200, unit: "人", comparator: ">=" });
  });

  test("several targets in one cell, one a line", () => {
    const ts = parseTargets(
      "・区広報紙・区ホームページへの区長メッセージの掲載：12回\n・区長によるツイッタ―・フェイスブック投稿：360回\n「港区の施策・事業に関する区長からのメッセージやお知らせを読んだことがある」と答えた区民の割合：80％",
      P,
    );
    expect(ts.map((t) => t.quantity?.text)).toEqual(["12回", "360回", "80%"]);
  });

  test("…がなければ is a count of 0 in the unit its label ends with", () => {
    const [t] = parseThresholds("新たに社会的ビジネスを活用して取り組む地域がなければ、事業を再構築する。", P);
    expect(t.quantity).toMatchObject({ value: 0, unit: "地域", comparator: "<=" });
  });

  test("a qualitative criterion cannot be judged by rule", () => {
    const [t] = parseThresholds("受け付けた相談や要望及び投稿に適切に対応できなかった場合は事業を再構築する。", P);
    expect(t.quantity).toBeNull();
    expect(t.undecidable).toBe("qualitative");
  });

  test("延べ…以下 thresholds keep their comparator and label", () => {
    const ts = parseThresholds(
      "・参画した団体やグループ、個人の数が延べ15団体・人以下の分野については再構築する。\n・本事業を利用した区民の数が100人以下であれば事業を再構築する。",
      P,
    );
    expect(ts.map((t) => [t.quantity?.value, t.quantity?.comparator, t.label])).toEqual([
      [15, "<=", "参画した団体やグループ、個人の数"],
      [100, "<=", "本事業を利用した区民の数"],
    ]);
  });

  test("a threshold number with no comparator is not guessed", () => {
    const [t] = parseThresholds("参加者が50人であれば再構築する", P);
    expect(t.undecidable).toBe("noComparator");
  });
});

describe("label similarity", () => {
  test("the same label repeated in 取組実績 is the best match", () => {
    const target = "区役所が提供した機会を利用した区民の数";
    expect(labelSimilarity(target, "・区役所が提供した機会を利用した区民の数")).toBe(1);
    expect(labelSimilarity(target, "プロスポーツとの連携・区民デー等参加人数")).toBeLessThan(0.3);
  });
});

describe("parsers under arbitrary text", () => {
  test("never throw, and every value is a finite number", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        for (const x of parseQuantities(s, P)) expect(Number.isFinite(x.value)).toBe(true);
        parseLabeledQuantities(s, P, "actual");
        parseTargets(s, P);
        parseThresholds(s, P);
      }),
      { numRuns: 500 },
    );
  });

  test("never throw on text built from the workbook's own vocabulary", () => {
    const pieces = ["延べ", "約", "全件", "以上", "以下", "未満", "超", "％", "%", "人", "団体・人", "地域", "件", "１", "2,700", "3.5", "／", "→", "\n", "：", "H29年度", "がなければ", "①", "ⅰ"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const s = parts.join("");
        parseLabeledQuantities(s, P, "target");
        parseThresholds(s, P);
      }),
      { numRuns: 500 },
    );
  });

  test("a formatted number parses back to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom("人", "件", "%", "地域", "団体・人"), (n, unit) => {
        const text = `${n.toLocaleString("en-US")}${unit}`;
        const got = parseQuantity(text, P);
        expect(got?.value).toBe(n);
        expect(got?.unit).toBe(unit);
      }),
    );
  });
});

describe("the strings used here are the seed's own", () => {
  const seed = seedText().replace(/\s+/g, "");
  test.each(["延べ30団体・人", "区民の数：200人", "5地域以下であれば", "40％未満であれば", "90％以下であれば", "3.5点以上", "約", "2,700", "1１件", "13件(28年度新規1件）", "51.1％", "適切に対応できなかった場合は", "取り組む地域がなければ", "全件"])(
    "%s",
    (s) => {
      expect(seed).toContain(s.replace(/\s+/g, ""));
    },
  );
});
