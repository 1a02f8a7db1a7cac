import type { Evaluation, Initiative } from "./evaluation";
import type { AchievementJudgement } from "./judge";
import type { Profile } from "./profile";
import { isBlankLike, trimAll } from "./normalize";
import { sortByKey } from "./sortByKey";
import { oncePerObject } from "./memo";

export interface IssueTally {
  issueNo: number;
  name: string;
  achieved: number;
  notAchieved: number;
}

export interface UnmetEntry {
  code: string;
  title: string;
  situation: string;
  remedy: string;
}

export interface StrategyListing {
  code: string;
  initiatives: {
    code: string;
    title: string;
    status: "目標達成" | "目標未達成" | null;
    relisted: boolean;
  }[];
}

export interface Summary {
  byIssue: IssueTally[];
  total: { achieved: number; notAchieved: number };
  byStrategy: StrategyListing[];
  unmet: UnmetEntry[];
  /** Listings not counted because their achievement code is empty or invalid. */
  uncounted: string[];
}

function codeParts(code: string): number[] {
  return code.split("-").map(Number);
}

function compareParts(pa: number[], pb: number[]): number {
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function recordedOf(init: Initiative): "①" | "②" | "③" | null {
  return init.achievement.kind === "valid" ? init.achievement.code.achievement : null;
}

/** 目標未達成の状況: each missed target as `<indicator> 〔目標〕80%以上 〔実績〕79.2%`. */
function situationOf(
  init: Initiative,
  judgement: AchievementJudgement | undefined,
  profile: Profile
): string {
  const { targetMark, actualMark } = profile.summary;
  const checks = judgement?.checks ?? [];
  const missed = checks.filter((c) => c.outcome === "notMet");
  const shown =
    missed.length > 0
      ? missed
      : checks.filter((c) => c.criterion.kind === "target" && c.criterion.quantity);
  if (shown.length === 0) {
    const hit = checks.filter((c) => c.outcome === "hit");
    if (hit.length > 0) {
      return hit
        .map(
          (c) =>
            `${c.criterion.label} 〔撤退基準〕${c.criterion.quantity!.text} ${actualMark}${c.actual!.quantity.text}`
        )
        .join("\n");
    }
    return trimAll(init.target.text);
  }
  return shown
    .map(
      (c) =>
        `${c.criterion.label} ${targetMark}${c.criterion.quantity!.text} ${actualMark}${c.actual ? c.actual.quantity.text : "―"}`
    )
    .join("\n");
}

/**
 * The initiatives by the strategy they are listed under, then by code; worked out once per evaluation (a re-check
 * after an edit of values keeps the evaluation, its codes and so this order).
 */
const summaryOrder = oncePerObject((evaluation: Evaluation) =>
  sortByKey(
    evaluation.initiatives,
    (init) => [codeParts(init.strategyCode), codeParts(init.code)],
    (a, b) => compareParts(a[0], b[0]) || compareParts(a[1], b[1])
  )
);

/**
 * The council summary: 達成 (recorded ①) and 未達成 (recorded ② or ③) per 経営課題, each listing counted once
 * under the 経営課題 of the strategy it is listed under (再掲 counts per listing), and the unmet list.
 */
export function buildSummary(
  evaluation: Evaluation,
  judgements: Map<Initiative, AchievementJudgement>,
  profile: Profile
): Summary {
  const tallies = new Map<number, IssueTally>();
  const uncounted: string[] = [];
  const byStrategy = new Map<string, StrategyListing>();
  const unmet: UnmetEntry[] = [];
  const ordered = summaryOrder(evaluation);
  for (const init of ordered) {
    const recorded = recordedOf(init);
    const listing = byStrategy.get(init.strategyCode) ?? {
      code: init.strategyCode,
      initiatives: [],
    };
    byStrategy.set(init.strategyCode, listing);
    listing.initiatives.push({
      code: init.code,
      title: init.title,
      status: recorded === "①" ? "目標達成" : recorded ? "目標未達成" : null,
      relisted: init.relisted,
    });
    if (!recorded) {
      uncounted.push(init.code);
      continue;
    }
    const tally = tallies.get(init.issueNo) ?? {
      issueNo: init.issueNo,
      name: evaluation.issueNames[init.issueNo] ?? "",
      achieved: 0,
      notAchieved: 0,
    };
    tallies.set(init.issueNo, tally);
    if (recorded === "①") tally.achieved++;
    else {
      tally.notAchieved++;
      unmet.push({
        code: init.code,
        title: init.title,
        situation: situationOf(init, judgements.get(init), profile),
        remedy: isBlankLike(init.remedy.text) ? "" : trimAll(init.remedy.text),
      });
    }
  }
  const byIssue = [...tallies.values()].sort((a, b) => a.issueNo - b.issueNo);
  return {
    byIssue,
    total: {
      achieved: byIssue.reduce((n, t) => n + t.achieved, 0),
      notAchieved: byIssue.reduce((n, t) => n + t.notAchieved, 0),
    },
    byStrategy: sortByKey([...byStrategy.values()], (l) => codeParts(l.code), compareParts),
    unmet,
    uncounted,
  };
}

function isUnmet(recorded: "①" | "②" | "③" | null): boolean {
  return recorded === "②" || recorded === "③";
}

/**
 * The summary after some initiatives' cells changed (their codes and strategies did not): `changed` gives each one's
 * recorded code before the change. The tallies are counted again (cheap); the listings and the unmet list keep
 * every other initiative's entry, and only the changed initiatives' entries are written again. Equal to buildSummary.
 */
export function updateSummary(
  previous: Summary,
  evaluation: Evaluation,
  judgements: Map<Initiative, AchievementJudgement>,
  profile: Profile,
  changed: Map<Initiative, "①" | "②" | "③" | null>
): Summary {
  if (changed.size === 0) return previous;
  const ordered = summaryOrder(evaluation);
  // The tallies by what changed: one less where a code was, one more where it is.
  const tallies = new Map(previous.byIssue.map((t) => [t.issueNo, { ...t }]));
  const count = (init: Initiative, code: "①" | "②" | "③" | null, by: number) => {
    if (!code) return;
    let tally = tallies.get(init.issueNo);
    if (!tally) {
      tally = {
        issueNo: init.issueNo,
        name: evaluation.issueNames[init.issueNo] ?? "",
        achieved: 0,
        notAchieved: 0,
      };
      tallies.set(init.issueNo, tally);
    }
    if (code === "①") tally.achieved += by;
    else tally.notAchieved += by;
  };
  let walk = false;
  for (const [init, before] of changed) {
    const now = recordedOf(init);
    count(init, before, -1);
    count(init, now, +1);
    // The unmet list and the uncounted codes are walked again only when an entry of theirs may have changed.
    if (isUnmet(before) || isUnmet(now) || (before === null) !== (now === null)) walk = true;
  }
  for (const [issueNo, t] of tallies) if (t.achieved + t.notAchieved === 0) tallies.delete(issueNo);
  let unmet = previous.unmet;
  let uncounted = previous.uncounted;
  if (walk) {
    unmet = [];
    uncounted = [];
    let p = 0;
    for (const init of ordered) {
      const recorded = recordedOf(init);
      const before = changed.has(init) ? changed.get(init)! : recorded;
      const previousEntry = isUnmet(before) ? previous.unmet[p++] : undefined;
      if (!recorded) uncounted.push(init.code);
      if (!isUnmet(recorded)) continue;
      unmet.push(
        previousEntry && !changed.has(init)
          ? previousEntry
          : {
              code: init.code,
              title: init.title,
              situation: situationOf(init, judgements.get(init), profile),
              remedy: isBlankLike(init.remedy.text) ? "" : trimAll(init.remedy.text),
            }
      );
    }
  }
  const byIssue = [...tallies.values()].sort((a, b) => a.issueNo - b.issueNo);
  // Each listing holds its strategy's initiatives in the summary's order: a changed one's entry is found by its place.
  const byStrategy = [...previous.byStrategy];
  for (const init of changed.keys()) {
    const at = ordered.indexOf(init);
    let first = at;
    while (first > 0 && ordered[first - 1].strategyCode === init.strategyCode) first--;
    const l = byStrategy.findIndex((x) => x.code === init.strategyCode);
    const recorded = recordedOf(init);
    const initiatives = [...byStrategy[l].initiatives];
    initiatives[at - first] = {
      ...initiatives[at - first],
      status: recorded === "①" ? "目標達成" : recorded ? "目標未達成" : null,
    };
    byStrategy[l] = { ...byStrategy[l], initiatives };
  }
  return {
    byIssue,
    total: {
      achieved: byIssue.reduce((n, t) => n + t.achieved, 0),
      notAchieved: byIssue.reduce((n, t) => n + t.notAchieved, 0),
    },
    byStrategy,
    unmet,
    uncounted,
  };
}
