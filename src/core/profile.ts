import { z } from "zod";
import {
  defaultProfile,
  INITIATIVE_FIELDS,
  OUTCOME_FIELDS,
  ProfileError,
  TALLY_FIELDS,
  UNMET_FIELDS,
} from "./defaultProfile";

export * from "./defaultProfile";

const fieldSpec = z.object({
  /** Header texts that name this field, compared after width folding and removing spaces and line breaks. */
  aliases: z.array(z.string().min(1)).min(1),
  /** A header containing one of these is never this field (課題 is not 経営課題). */
  exclude: z.array(z.string().min(1)).default([]),
});
export type FieldSpec = z.infer<typeof fieldSpec>;

function fieldTable<const K extends readonly string[]>(keys: K) {
  const shape = Object.fromEntries(keys.map((k) => [k, fieldSpec])) as {
    [P in K[number]]: typeof fieldSpec;
  };
  return z.object(shape).strict();
}

const roleSpec = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.object({
    fields: fieldTable(keys),
    /** Fields that must all be found for a sheet to have this role. */
    required: z.array(z.enum(keys)).min(1),
  });

const spellings = z.array(z.string().min(1)).min(1);

/** A status written at the end of another cell's text (R5 style: `…10,488世帯):A`), for a sheet without that column. */
const inlineStatus = z.object({
  /** The field whose column may be missing. */
  field: z.string().min(1),
  /** The column whose text ends with the status. */
  in: z.string().min(1),
  /** What may stand between the text and the code (a colon in either width). */
  separators: spellings,
});
const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "a color like #C6EFCE");
const style = z.object({ fill: hexColor, font: hexColor });
const severity = z.enum(["error", "warning", "info"]);

export const profileSchema = z
  .object({
    name: z.string().min(1),
    headerScanRows: z.number().int().min(1).max(200),
    maxHeaderRows: z.number().int().min(1).max(5),
    /**
     * Header words of columns that are never a field, whatever else their header says: the mid-year review
     * (中間振り返り) group and its forecasts (達成見込み) repeat the year-end headers with other values.
     */
    ignoredHeaders: z.array(z.string().min(1)),
    /** Statuses that later templates write inline instead of in a column of their own. */
    inlineStatus: z.array(inlineStatus),
    roles: z.object({
      outcome: roleSpec(OUTCOME_FIELDS),
      initiative: roleSpec(INITIATIVE_FIELDS),
      tallySummary: roleSpec(TALLY_FIELDS),
      unmetSummary: roleSpec(UNMET_FIELDS),
    }),
    codes: z.object({
      achievement: z.object({ "①": spellings, "②": spellings, "③": spellings }),
      implementation: z.object({ i: spellings, ii: spellings }),
      effectiveness: z.object({ "○": spellings, "×": spellings }),
      indicatorStatus: z.object({ A: spellings, B: spellings }),
      progress: z.object({ a: spellings, b: spellings }),
      strategyEffectiveness: z.object({ ア: spellings, イ: spellings }),
      relisted: spellings,
      /** Words that may stand inside the bracket before a code: 【具体的取組1-1-1】, 【戦略1-1】. */
      initiativePrefixes: z.array(z.string().min(1)),
      strategyPrefixes: z.array(z.string().min(1)),
      /** A bracketed note after a title that is not part of it: ［予算額 263千円］. */
      titleNotes: z.array(z.string().min(1)),
    }),
    /** Counting words that may follow a number, longest first is not required: matching sorts them. */
    units: z.array(z.string().min(1)).min(1),
    /** Units that mean the same thing (人 and 名). */
    unitSynonyms: z.array(z.array(z.string().min(1)).min(2)),
    /** Phrases of a withdrawal criterion meaning "if there are none" (= 0). */
    nonePhrases: spellings,
    colors: z.object({
      "①": style,
      "②": style,
      "③": style,
      A: style,
      B: style,
      a: style,
      b: style,
      "○": style,
      "×": style,
      ア: style,
      イ: style,
    }),
    matching: z.object({
      /** Below this label similarity (0–1) a target and an actual are not paired when several actuals share the unit. */
      minLabelSimilarity: z.number().min(0).max(1),
      /** The best actual must be this much more similar than the next one with a different value. */
      minMargin: z.number().min(0).max(1),
    }),
    rules: z.record(
      z.string(),
      z.object({ enabled: z.boolean().default(true), severity: severity.optional() })
    ),
    summary: z.object({
      tallySheetName: z.string().min(1).max(31),
      unmetSheetName: z.string().min(1).max(31),
      issueLabel: z.string().min(1),
      totalLabel: z.string().min(1),
      targetMark: z.string().min(1),
      actualMark: z.string().min(1),
      /** The tally chart's bars (Excel's, the file's and the task pane's): 達成, 未達成. */
      chartColors: z.object({ achieved: hexColor, notAchieved: hexColor }),
    }),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type StatusColorKey = keyof Profile["colors"];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and values replace. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

/**
 * A user's profile is what differs from the default: it is merged over the default, then validated.
 * Errors name the path inside the profile, e.g. `roles.initiative.fields.target.aliases`.
 */
export function parseProfile(input: unknown, source = "profile"): Profile {
  if (!isPlainObject(input)) {
    throw new ProfileError(
      `${source}: a JSON object is expected / JSON オブジェクトではありません`,
      []
    );
  }
  const merged = deepMerge(defaultProfile, input);
  const result = profileSchema.safeParse(merged);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join(".") : "(root)";
    return `${path}: ${issue.message}`;
  });
  throw new ProfileError(
    `${source} is not a valid profile / プロファイルが正しくありません:\n  ${issues.join("\n  ")}`,
    issues
  );
}
