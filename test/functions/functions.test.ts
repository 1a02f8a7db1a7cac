import { achievement, explain, withdrawal } from "../../src/functions/functions";

// Texts of the seed's rows (港区 平成28年度, as in test/fixtures/minato-h28.xlsx).
const SEED_6_2_1 = {
  target:
    "区民から、区政における様々な課題について意見をいただき、区政に関する評価を行うために「区政会議」を開催し、区政会議での意見や評価を施策・事業の見直しに10件反映させる。",
  threshold: "区政会議での施策・事業の見直しに反映させる意見や評価が5件以下であれば事業を再構築する。",
  actual:
    "平成28年4月～平成29年3月\n　区政会議（全体会議　3回、部会3部会×3回）\n\n区政会議での意見や評価を施策・事業の見直しに反映させた件数：５件",
};
const SEED_6_1_2 = {
  target: "日常生活に関する様々な相談や要望について、区役所が適切に対応していると感じる区民の割合　75％",
  threshold: "受け付けた相談や要望及び投稿に適切に対応できなかった場合は事業を再構築する。",
  actual:
    "来庁･郵便、電話やインターネット等による受付、フィードバック：随時\n\n区役所が区民に身近な窓口として適切に対応したと感じる区民の割合：73.1％",
};
const SEED_6_3_1 = {
  target:
    "・区広報紙・区ホームページへの区長メッセージの掲載：12回\n・区長によるツイッタ―・フェイスブック投稿：360回\n「港区の施策・事業に関する区長からのメッセージやお知らせを読んだことがある」と答えた区民の割合：80％",
  threshold:
    "「港区の施策・事業に関する区長からのメッセージやお知らせを読んだことがある」と答えた区民の割合が40％以下であれば事業を再構築する。",
  actual:
    "・区広報紙、区ホームページへの区長メッセージの掲載：12回\n・区長によるツイッター・フェイスブック投稿：221回\n\n「港区の施策・事業に関する区長からのメッセージやお知らせを読んだことがある」と答えた区民の割合：51.1％",
};

/** Office as the shared runtime has it: only the display language matters to the functions. */
function setDisplayLanguage(tag: string | undefined): void {
  (globalThis as Record<string, unknown>).Office =
    tag === undefined ? undefined : { context: { displayLanguage: tag } };
}

beforeEach(() => setDisplayLanguage("ja-JP"));
afterAll(() => setDisplayLanguage(undefined));

describe("HYOKA.WITHDRAWAL / ACHIEVEMENT / EXPLAIN on the seed's rows", () => {
  test("6-2-1: 5件 against 5件以下 is 該当, so ③", () => {
    expect(withdrawal(SEED_6_2_1.threshold, SEED_6_2_1.actual)).toBe("該当");
    expect(withdrawal("5件以下であれば事業を再構築する", "5件")).toBe("該当");
    expect(achievement(SEED_6_2_1.target, SEED_6_2_1.threshold, SEED_6_2_1.actual)).toBe("③");
    const why = explain(SEED_6_2_1.target, SEED_6_2_1.threshold, SEED_6_2_1.actual);
    expect(why).toContain("業績目標 10件");
    expect(why).toContain("撤退基準 5件以下");
    expect(why).toContain("実績 5件: 該当（撤退基準に達した）");
    expect(why).toMatch(/→ 達成状況 ③、撤退基準 該当$/);
    expect(why).not.toContain("\n");
  });

  test("6-3-1: 51.1% against 40%以下 is 非該当, and 80% missed gives ②", () => {
    expect(withdrawal(SEED_6_3_1.threshold, SEED_6_3_1.actual)).toBe("非該当");
    expect(achievement(SEED_6_3_1.target, SEED_6_3_1.threshold, SEED_6_3_1.actual)).toBe("②");
    expect(explain(SEED_6_3_1.target, SEED_6_3_1.threshold, SEED_6_3_1.actual)).toContain(
      "撤退基準 40%以下（「港区の施策・事業に関する区長からのメッセージやお知らせを読んだことがある」と答えた区民の割合）に対し実績 51.1%: 非該当"
    );
  });

  test("6-4-3: 27.7％ against 40％未満 is 該当", () => {
    expect(withdrawal("区民の割合が40％未満であれば事業を再構築する", "区民の割合：27.7％")).toBe("該当");
  });

  test("6-1-2's qualitative criterion cannot be judged: 判定不可, and ③ can neither be confirmed nor excluded", () => {
    expect(withdrawal(SEED_6_1_2.threshold, SEED_6_1_2.actual)).toBe("判定不可");
    expect(achievement(SEED_6_1_2.target, SEED_6_1_2.threshold, SEED_6_1_2.actual)).toBe("判定不可");
    const why = explain(SEED_6_1_2.target, SEED_6_1_2.threshold, SEED_6_1_2.actual);
    expect(why).toContain("業績目標 75%");
    expect(why).toContain("実績 73.1%: 未達成");
    expect(why).toContain("は数値で書かれていないため規則では判定できません");
    expect(why).toContain("業績目標からは ②、③ に当たるかは判定不可");
  });
});

describe("what the rules cannot decide, they say so", () => {
  test("no number in the criterion or in the actual", () => {
    expect(withdrawal("事業の効果が見られない場合は再構築する", "5件")).toBe("判定不可");
    expect(withdrawal("5件以下であれば事業を再構築する", "多くの意見を反映した")).toBe("判定不可");
    expect(achievement("区民の満足度を高める", "", "満足度は高まった")).toBe("判定不可");
    expect(explain("区民の満足度を高める", "", "満足度は高まった")).toContain(
      "業績目標「区民の満足度を高める」は数値で書かれていないため規則では判定できません"
    );
  });

  test("two candidate actuals too close to call", () => {
    const threshold = "参加者数が50人以下であれば事業を再構築する";
    const actual = "講座A：30人\n講座B：80人";
    expect(withdrawal(threshold, actual)).toBe("判定不可");
    expect(explain("参加者数：100人", threshold, actual)).toContain("に対応する実績を一つに決められません（候補: 30人、80人）");
  });

  test("no actual at all", () => {
    expect(withdrawal("5件以下であれば事業を再構築する", "")).toBe("判定不可");
    expect(withdrawal("5件以下であれば事業を再構築する", null)).toBe("判定不可");
    expect(explain("10件", "5件以下であれば事業を再構築する", "")).toContain("に対応する実績（単位「件」）が取組実績に見つかりません");
  });

  test("an empty withdrawal criterion is not a 非該当", () => {
    expect(withdrawal("", "5件")).toBe("判定不可");
    expect(explain("10件", "", "5件")).toContain("撤退基準が空欄のため判定できません");
  });

  test("a comparator is needed: a bare number in the criterion cannot be judged", () => {
    expect(withdrawal("参加者数：50人", "参加者数：30人")).toBe("判定不可");
  });
});

describe("the answers follow Office's display language", () => {
  test("English outside Japanese", () => {
    setDisplayLanguage("en-US");
    expect(withdrawal(SEED_6_2_1.threshold, SEED_6_2_1.actual)).toBe("hit");
    expect(withdrawal(SEED_6_3_1.threshold, SEED_6_3_1.actual)).toBe("not hit");
    expect(withdrawal(SEED_6_1_2.threshold, SEED_6_1_2.actual)).toBe("cannot judge");
    expect(achievement(SEED_6_1_2.target, SEED_6_1_2.threshold, SEED_6_1_2.actual)).toBe("cannot judge");
    expect(explain(SEED_6_2_1.target, SEED_6_2_1.threshold, SEED_6_2_1.actual)).toMatch(
      /withdrawal criterion 5件以下 .* vs actual 5件: hit .*→ achievement ③, withdrawal criterion hit$/
    );
  });

  test("Japanese for ja and ja-JP", () => {
    setDisplayLanguage("ja");
    expect(withdrawal(SEED_6_3_1.threshold, SEED_6_3_1.actual)).toBe("非該当");
  });

  test("a number in the cell is read as its text", () => {
    expect(withdrawal("5以下であれば事業を再構築する", 5)).toBe("該当");
  });
});
