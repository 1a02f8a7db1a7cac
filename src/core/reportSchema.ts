import { z } from "zod";

// A module of its own, so that checking a workbook does not load zod (a tenth of a second at start): only what
// validates a report imports it.
const achievementCode = z.enum(["①", "②", "③"]).nullable();
const quantitySchema = z.object({
  value: z.number(),
  unit: z.string(),
  comparator: z.enum([">=", "<=", "<", ">"]).nullable(),
  text: z.string(),
});

/** The JSON report of `hyoka check --json`. Rows are 1-based sheet rows; codes are half-width (`1-1-1`). */
export const reportSchema = z.object({
  tool: z.literal("hyoka"),
  version: z.string(),
  file: z.string().optional(),
  profile: z.string(),
  sheets: z.array(
    z.object({
      name: z.string(),
      role: z.enum(["outcome", "initiative", "tallySummary", "unmetSummary", "other"]),
      headerRow: z.number().int().nullable(),
      headerRows: z.array(z.number().int()),
      columns: z.record(z.string(), z.string()),
      missing: z.array(z.string()),
      reason: z.string(),
      /** Each field found: its column, the header it was taken from, and why. */
      fields: z.array(
        z.object({
          field: z.string(),
          /** The field's name as the workbook writes it (the profile's first header word). */
          name: z.string(),
          column: z.string(),
          header: z.string(),
          match: z.enum(["exact", "partial", "similar", "inline"]),
          why: z.string(),
        })
      ),
      /** The role's fields that no header named, with the headers looked for. */
      notFound: z.array(
        z.object({ field: z.string(), required: z.boolean(), lookedFor: z.array(z.string()) })
      ),
      /** Columns set aside although their header names a field (中間振り返り, 見込み), and why. */
      ignored: z.array(z.object({ column: z.string(), header: z.string(), why: z.string() })),
    })
  ),
  initiatives: z.array(
    z.object({
      code: z.string().regex(/^\d+-\d+-\d+$/),
      title: z.string(),
      sheet: z.string(),
      row: z.number().int().positive(),
      strategyCode: z.string(),
      issueNo: z.number().int(),
      relisted: z.boolean(),
      recorded: z.object({
        achievement: achievementCode,
        implementation: z.enum(["i", "ii"]).nullable(),
        effectiveness: z.enum(["○", "×"]).nullable(),
      }),
      expected: z.object({
        achievement: achievementCode,
        reason: z.string(),
        withdrawalUndecidable: z.boolean(),
      }),
      /** The 撤退基準 as read and judged: what the withdrawal view lists. */
      withdrawal: z.object({
        verdict: z.enum(["hit", "notHit", "undecidable"]),
        reason: z.string(),
        /** The 撤退基準 cell (A1 on the initiative's sheet); null when the sheet has no such column. */
        cell: z.string().nullable(),
        thresholds: z.array(
          z.object({
            /** The line of the cell the threshold was read from. */
            source: z.string(),
            /** The quantity read, with its comparator (`5件以下`); null when none could be read. */
            read: z.string().nullable(),
            /** The actual it was paired with; null when none could be. */
            actual: z.string().nullable(),
            outcome: z.enum(["hit", "notHit", "undecidable"]),
          })
        ),
      }),
    })
  ),
  outcomes: z.array(
    z.object({
      sheet: z.string(),
      row: z.number().int().positive(),
      strategyCode: z.string().nullable(),
      indicator: z.string(),
      value: z.number().nullable(),
      unit: z.string().nullable(),
      previous: z.number().nullable(),
      target: quantitySchema.nullable(),
      recorded: z.enum(["A", "B"]).nullable(),
      expected: z.enum(["A", "B"]).nullable(),
      reason: z.string(),
    })
  ),
  strategies: z.array(
    z.object({
      code: z.string().nullable(),
      name: z.string(),
      sheet: z.string(),
      row: z.number().int().positive(),
      recordedProgress: z.enum(["a", "b"]).nullable(),
      expectedProgress: z.enum(["a", "b"]).nullable(),
      recordedOverall: z.enum(["A", "B"]).nullable(),
      recordedEffectiveness: z.enum(["ア", "イ"]).nullable(),
      reason: z.string(),
    })
  ),
  findings: z.array(
    z.object({
      severity: z.enum(["error", "warning", "info"]),
      rule: z.string(),
      sheet: z.string(),
      cell: z.string().nullable(),
      message: z.string(),
      messageJa: z.string(),
      messageEn: z.string(),
    })
  ),
  summary: z.object({
    byIssue: z.array(
      z.object({
        issueNo: z.number().int(),
        name: z.string(),
        achieved: z.number().int(),
        notAchieved: z.number().int(),
      })
    ),
    total: z.object({ achieved: z.number().int(), notAchieved: z.number().int() }),
    byStrategy: z.array(
      z.object({
        code: z.string(),
        initiatives: z.array(
          z.object({
            code: z.string(),
            title: z.string(),
            status: z.enum(["目標達成", "目標未達成"]).nullable(),
            relisted: z.boolean(),
          })
        ),
      })
    ),
    unmet: z.array(
      z.object({ code: z.string(), title: z.string(), situation: z.string(), remedy: z.string() })
    ),
    uncounted: z.array(z.string()),
  }),
});
