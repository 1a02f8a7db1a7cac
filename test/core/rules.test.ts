import { defaultProfile as P } from "../../src/core/profile";
import { checkWorkbook } from "../../src/core/report";
import { initiativeSheet, outcomeSheet, type InitiativeRowSpec } from "../helpers/sheets";

function checkInitiatives(rows: InitiativeRowSpec[]) {
  const result = checkWorkbook([initiativeSheet("具体的取組", rows)], P);
  return { result, findings: result.findings, expected: result.evaluation.initiatives.map((i) => result.judgements.achievement.get(i)!) };
}

const seedRows: Record<string, InitiativeRowSpec> = {
  "6-2-1": {
    code: "6-2-1",
    target: "区民から、区政における様々な課題について意見をいただき、区政に関する評価を行うために「区政会議」を開催し、区政会議での意見や評価を施策・事業の見直しに10件反映させる。",
    threshold: "区政会議での施策・事業の見直しに反映させる意見や評価が5件以下であれば事業を再構築する。",
    actual: "平成28年4月～平成29年3月\n　区政会議（全体会議　3回、部会3部会×3回）\n\n区政会議での意見や評価を施策・事業の見直しに反映させた件数：５件",
    achievement: "③",
    effectiveness: "×",
    problems: "出された意見が少なく",
    remedy: "更にわかりやすい資料にする",
  },
  "6-4-3": {
    code: "6-4-3",
    target: "効果的・効率的な業務運営に向け、区に実情や特性に即して区役所の取組が進められていることを知っている区民の割合\n　29年度までに　60％以上",
    threshold: "左記区民の割合が40％未満であれば事業を再構築する。",
    actual: "５Ｓ活動の取組\n\n区役所が、効果的・効率的な業務運営をめざして、様々な取組を行っていることを知っている区民の割合：27.7％",
    achievement: "③",
    effectiveness: "×",
    problems: "情報発信が必要",
    remedy: "情報発信していく",
  },
  "6-1-2": {
    code: "6-1-2",
    target: "日常生活に関する様々な相談や要望について、区役所が適切に対応していると感じる区民の割合　75％",
    threshold: "受け付けた相談や要望及び投稿に適切に対応できなかった場合は事業を再構築する。",
    actual: "来庁･郵便、電話やインターネット等による受付、フィードバック：随時\n\n区役所が区民に身近な窓口として適切に対応したと感じる区民の割合：73.1％",
    achievement: "②ⅰ",
    effectiveness: "○",
    problems: "工夫が必要である",
    remedy: "より適切かつ丁寧な対応に努める",
  },
  "6-3-1": {
    code: "6-3-1",
    target: "・区広報紙・区ホームページへの区長メッセージの掲載：12回\n・区長によるツイッタ―・フェイスブック投稿：360回\n「港区の施策・事業に関する区長からのメッセージやお知らせを読んだことがある」と答えた区民の割合：80％",
    threshold: "「港区の施策・事業に関する区長からのメッセージやお知らせを読んだことがある」と答えた区民の割合が40％以下であれば事業を再構築する。",
    actual: "・区広報紙、区ホームページへの区長メッセージの掲載：12回\n・区長によるツイッター・フェイスブック投稿：221回\n\n「港区の施策・事業に関する区長からのメッセージやお知らせを読んだことがある」と答えた区民の割合：51.1％",
    achievement: "②(i)",
    effectiveness: "〇",
    problems: "工夫が必要",
    remedy: "配付を拡大",
  },
  "1-3-1": {
    code: "1-3-1",
    target: "みなとクリーンアップ大作戦（大阪マラソンとごちそうマラソンに向けた美化活動）を実施。（25団体）\n「港区ワークス探検団」（職場見学・訪問）開催。（協力企業10社）",
    threshold: "地域貢献活動を行った企業・事業所等の数が20団体以下であれば事業を再構築する。",
    actual: "区内企業等に働きかけ、地域貢献活動への参画する機会の提供を行った。\n\nみなとクリーンアップ大作戦参画団体　3４企業・団体\n「港区ワークス探検団」協力企業　８社\n企業まちづくり交流会参加：26社",
    achievement: "①(i)",
    effectiveness: "○",
  },
  "1-3-3": {
    code: "1-3-3",
    target: "社会的ビジネスを活用して地域課題の解決に向けて取り組む地域：11地域",
    threshold: "新たに社会的ビジネスを活用して取り組む地域がなければ、事業を再構築する。",
    actual: "8地域で地域課題解決型広報紙配布事業を社会的ビジネスとして取組んでいる。\n\n社会的ビジネスを活用して地域課題の解決に向けて取組む地域：８地域",
    achievement: "②(i)",
    effectiveness: "○",
    problems: "効果的なものとする",
    remedy: "事例を情報提供",
  },
  "1-1-1": {
    code: "1-1-1",
    target: "・コミュニティ促進や文化、スポーツ、子育て等のイベントや講座等に企画段階から参画した団体やグループ、個人の数：延べ30団体・人\n・区役所が提供した機会を利用した区民の数：200人",
    threshold: "・参画した団体やグループ、個人の数が延べ15団体・人以下の分野については再構築する。\n・本事業を利用した区民の数が100人以下であれば事業を再構築する。",
    actual: "平成28年度：　コミュニティ促進事業部会：28団体・人　スポーツ推進事業部会：13団体・人、文化振興事業部会：15団体・人、こどもの健全育成事業部会：18団体・人。・区民が企画し実施するイベントを6回開催した。・プロスポーツとの連携・区民デー等参加人数：約2,700 人\n\n・コミュニティ促進や文化、スポーツ、子育て等のイベントや講座等に企画段階から参画した団体やグループ、個人の数：延べ74団体・人\n・区役所が提供した機会を利用した区民の数：2700人",
    achievement: "①(i)",
    effectiveness: "○",
  },
  "6-1-1": {
    code: "6-1-1",
    target: "区民からの意見に対し区が処理した対応について、本人の同意を得て区の広報紙やホームページ、掲示板などで公表した件数：全件",
    threshold: "届いた意見のうち、その対応を区の広報紙やホームページ、掲示板などで公表した割合が90％以下であれば事業を再構築する。",
    actual: "「区民モニターアンケート」を通年実施\n\n区民からの意見に対し区が処理した対応について、本人の同意を得て区の広報紙やホームページ、掲示板などで公表した件数：全件",
    achievement: "①(i)",
    effectiveness: "〇",
  },
};

describe("rule 1: achievement from targets, thresholds and actuals (seed rows)", () => {
  test.each([
    ["6-2-1", "③", "5件 against 5件以下"],
    ["6-4-3", "③", "27.7％ against 40％未満"],
    ["6-1-2", "②", "73.1％ against 75％"],
    ["6-3-1", "②", "51.1％ against 80％, threshold 40％以下 not hit"],
    ["1-3-3", "②", "8地域 against 11地域, none-threshold not hit"],
    ["1-1-1", "①", "both counts met, labels pick the right actuals"],
    ["6-1-1", "①", "全件 against 全件, 90％以下 not hit"],
    ["1-3-1", "②", "協力企業 8社 against 10社"],
  ])("%s → %s (%s)", (code, expected) => {
    const { expected: [j] } = checkInitiatives([seedRows[code]]);
    expect(j.expected).toBe(expected);
  });

  test("1-3-1 recorded ① against a missed count is a warning at its status cell", () => {
    const { findings } = checkInitiatives([seedRows["1-3-1"]]);
    const f = findings.filter((x) => x.rule === "achievement-rule");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "具体的取組", cell: "G5" });
    expect(f[0].message.ja).toContain("8社");
  });

  test("a hit withdrawal threshold recorded as ② is an error", () => {
    const { findings } = checkInitiatives([{ ...seedRows["6-2-1"], achievement: "②(i)", effectiveness: "○" }]);
    expect(findings.find((f) => f.rule === "achievement-rule")).toMatchObject({ severity: "error", cell: "G5" });
  });

  test("a qualitative withdrawal criterion is reported as undecidable, not as OK", () => {
    const { findings, expected } = checkInitiatives([seedRows["6-1-2"]]);
    expect(expected[0].withdrawalUndecidable).toBe(true);
    expect(findings.find((f) => f.rule === "achievement-rule")).toMatchObject({ severity: "info" });
  });

  test("a target with no matching actual cannot be decided", () => {
    const { expected, findings } = checkInitiatives([{ ...seedRows["6-1-2"], actual: "窓口で受付を行った。" }]);
    expect(expected[0].expected).toBeNull();
    expect(findings.find((f) => f.rule === "achievement-rule")?.message.en).toMatch(/cannot be decided/);
  });
});

describe("rule 1 explains each answer, in Japanese and English", () => {
  test("6-2-1: ③ names the hit threshold and its actual; each check explains itself", () => {
    const { expected: [j] } = checkInitiatives([seedRows["6-2-1"]]);
    expect(j.reason.ja).toBe("撤退基準 5件以下（区政会議での施策・事業の見直しに反映させる意見や評価）に対し実績 5件: 該当（撤退基準に達した）");
    expect(j.reason.en).toBe("withdrawal criterion 5件以下 (区政会議での施策・事業の見直しに反映させる意見や評価) vs actual 5件: hit");
    expect(j.checks.map((c) => c.why.ja)).toEqual([expect.stringMatching(/^業績目標 10件（.*）に対し実績 5件: 未達成$/), j.reason.ja]);
  });

  test("② gives the missed targets, ① every target, joined per language", () => {
    const { expected } = checkInitiatives([seedRows["1-3-3"], seedRows["1-1-1"]]);
    expect(expected[0].reason.ja).toBe("業績目標 11地域（社会的ビジネスを活用して地域課題の解決に向けて取り組む地域）に対し実績 8地域: 未達成");
    const met = expected[1].checks.filter((c) => c.criterion.kind === "target");
    expect(met).toHaveLength(2);
    expect(expected[1].reason.ja).toBe(`すべての業績目標を達成: ${met[0].why.ja}／${met[1].why.ja}`);
    expect(expected[1].reason.en).toBe(`every target met: ${met[0].why.en}; ${met[1].why.en}`);
    expect(met[1].why.en).toBe("target 200人 (区役所が提供した機会を利用した区民の数) vs actual 2700人: met");
  });

  test("undecidable answers say why: an empty target, an actual not found, a qualitative threshold", () => {
    const { expected } = checkInitiatives([
      { ...seedRows["6-1-2"], target: "" },
      { ...seedRows["6-1-2"], code: "6-1-3", actual: "窓口で受付を行った。" },
    ]);
    expect(expected[0].reason.ja).toBe("業績目標が空欄のため判定できません");
    expect(expected[1].reason.ja).toBe(
      "業績目標「日常生活に関する様々な相談や要望について、区役所が適切に対応していると感じる区民の割合 75%」に対応する実績（単位「%」）が取組実績に見つかりません",
    );
    expect(expected[1].reason.en).toMatch(/^no actual for the target ".*" \(unit "%"\) in 取組実績$/);
    expect(expected[1].checks[1].why.ja).toBe(
      "撤退基準「受け付けた相談や要望及び投稿に適切に対応できなかった場合は事業を再構築する。」は数値で書かれていないため規則では判定できません",
    );
  });
});

describe("rule 2: ③ goes with ×; ② and ③ need 課題 and 改善策", () => {
  test("③ with ○ is an error at the effectiveness cell", () => {
    const { findings } = checkInitiatives([{ ...seedRows["6-4-3"], effectiveness: "○" }]);
    expect(findings.find((f) => f.rule === "withdrawal-effectiveness")).toMatchObject({ severity: "error", cell: "H5" });
  });
  test("② without 課題 and with ― as 改善策 gives two errors", () => {
    const { findings } = checkInitiatives([{ ...seedRows["6-1-2"], problems: "", remedy: "―" }]);
    const f = findings.filter((x) => x.rule === "unmet-remedy");
    expect(f.map((x) => x.cell)).toEqual(["I5", "J5"]);
  });
});

describe("codes: blanks and invalid codes are errors at their cells", () => {
  test.each([["④"], ["①(iii)"], [""]])("achievement %p", (code) => {
    const { findings } = checkInitiatives([{ ...seedRows["1-1-1"], achievement: code }]);
    expect(findings.find((f) => f.rule === "achievement-code")).toMatchObject({ severity: "error", cell: "G5" });
  });
});

describe("rule 3: indicator A/B", () => {
  const block = (actual: string, previous: string, status: string, outcomeList = "") =>
    outcomeSheet("成果", [{ code: "1-1", outcomeList, indicators: [{ actual, previous, status }], overall: "A", progress: "a" }]);

  test("55.9% against target 50% but 前年度 59.5% → A (target met)", () => {
    const r = checkWorkbook(
      [block("身近な地域の中で、「声かけ」、「見守り」、「助け合い」、「支え合い」を実感している区民の割合 55.9%", "59.5%", "A", "○身近な地域の中で、「声かけ」、「見守り」、「助け合い」、「支え合い」を実感している区民の割合：29年度までに　50％以上")],
      P,
    );
    expect(r.judgements.indicator.get(r.evaluation.outcomes[0])!.expected).toBe("A");
    expect(r.findings.filter((f) => f.rule === "indicator-status")).toEqual([]);
  });

  test("40.5% against 41.0% and target 60% → B; recording A is an error", () => {
    const list = "○地域のまちづくりに関する活動がさまざまな活動主体の連携・協働により進められていると感じている区民の割合\n　26年度：30.6％ →29年度：60％以上";
    const r = checkWorkbook([block("地域のまちづくりに関する活動がさまざまな活動主体の連携・協働により進められていると感じている区民の割合 40.5%", "41.0%", "A", list)], P);
    expect(r.judgements.indicator.get(r.evaluation.outcomes[0])!.expected).toBe("B");
    expect(r.findings.find((f) => f.rule === "indicator-status")).toMatchObject({ severity: "error", cell: "L6" });
  });

  test("improved on 前年度 → A even below target (48.9% vs 17.0%)", () => {
    const r = checkWorkbook([block("地域団体の活動内容や会計の状況を知る機会が増えたと感じている区民の割合 48.9%", "17.0%", "A")], P);
    expect(r.judgements.indicator.get(r.evaluation.outcomes[0])!.expected).toBe("A");
  });

  test("not improved and no target found → cannot decide (info), never OK", () => {
    const r = checkWorkbook([block("ある指標 10%", "20%", "A")], P);
    expect(r.judgements.indicator.get(r.evaluation.outcomes[0])!.expected).toBeNull();
    expect(r.findings.find((f) => f.rule === "indicator-status")).toMatchObject({ severity: "info" });
  });

  test("Ａ+ is an invalid code", () => {
    const r = checkWorkbook([block("指標 10%", "5%", "Ａ+")], P);
    expect(r.findings.find((f) => f.rule === "indicator-status")).toMatchObject({ severity: "error" });
  });
});

describe("rule 4: strategy progress a/b; rule 5: 全体 and ア/イ only need valid codes", () => {
  const sheets = (progress: string, achievements: string[], overall = "A", effectiveness = "ア") => [
    outcomeSheet("成果", [{ code: "1-3", indicators: [{ actual: "指標 10%", previous: "5%", status: "A" }], overall, progress, effectiveness }]),
    initiativeSheet(
      "取組",
      achievements.map((a, i) => ({ ...seedRows["1-1-1"], code: `1-3-${i + 1}`, achievement: a, problems: "課題", remedy: "改善" })),
    ),
  ];
  test("1-3 with one ② → b; recording a is an error", () => {
    const r = checkWorkbook(sheets("a", ["①(i)", "②(i)"]), P);
    expect(r.findings.find((f) => f.rule === "strategy-progress")).toMatchObject({ severity: "error", sheet: "成果", cell: "N6" });
  });
  test("all ① → a", () => {
    const r = checkWorkbook(sheets("a", ["①(i)", "①(ii)"]), P);
    expect(r.findings.filter((f) => f.rule === "strategy-progress")).toEqual([]);
  });
  test("全体 and ア/イ: blank and invalid are errors", () => {
    const r = checkWorkbook(sheets("a", ["①(i)"], "", "ウ"), P);
    expect(r.findings.filter((f) => f.rule === "strategy-judgement-codes").map((f) => f.cell)).toEqual(["I6", "M6"]);
  });
});
