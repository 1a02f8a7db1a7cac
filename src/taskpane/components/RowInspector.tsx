import * as React from "react";
import { Body1, Caption1, Caption1Strong, makeStyles, tokens } from "@fluentui/react-components";
import type { RowInspection } from "../../core/inspect";
import type { Lang } from "../../core/report";
import { tl, tOutcome } from "../liveStrings";
import { tSeverity } from "../strings";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  good: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  neutral: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

export interface RowInspectorProps {
  lang: Lang;
  /** The selection (sheet and address), or null before any. */
  selected: { sheet: string; address: string } | null;
  /** The selected row's judgement; null when the selection is not on such a row. */
  inspection: RowInspection | null;
  /** Whether the workbook was checked (the judgement comes from that check, not from a read). */
  checked: boolean;
}

function Verdict({
  outcome,
  lang,
}: {
  outcome: Parameters<typeof tOutcome>[0];
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  const cls =
    outcome === "met" || outcome === "notHit"
      ? styles.good
      : outcome === "undecidable"
        ? styles.neutral
        : styles.bad;
  return <span className={cls}>{tOutcome(outcome, lang)}</span>;
}

/** Recorded against expected: 記録 ②(i) / 規則 ③ — 不一致. */
function RecordedVsRule({
  recorded,
  expected,
  lang,
}: {
  recorded: string;
  expected: string | null;
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  const agrees = expected !== null && recorded.replace(/\s/g, "").startsWith(expected);
  return (
    <Body1>
      {`${tl("recorded", lang)} ${recorded || tl("empty", lang)} / ${tl("expected", lang)} ${expected ?? tl("cannotJudge", lang)} — `}
      <span className={expected === null ? styles.neutral : agrees ? styles.good : styles.bad}>
        {expected === null ? tl("cannotJudge", lang) : tl(agrees ? "agrees" : "disagrees", lang)}
      </span>
    </Body1>
  );
}

/** The judgement of the row the selection is in: what the pane knows from its last check, without reading Excel. */
export function RowInspector({
  lang,
  selected,
  inspection,
  checked,
}: RowInspectorProps): React.JSX.Element {
  const styles = useStyles();
  if (!checked) return <Body1>{tl("checkFirst", lang)}</Body1>;
  if (!selected) return <Body1>{tl("selectHint", lang)}</Body1>;
  if (!inspection)
    return (
      <div className={styles.box} aria-live="polite">
        <Caption1>{`${selected.sheet}!${selected.address}`}</Caption1>
        <Body1>{tl("notARow", lang)}</Body1>
      </div>
    );
  const where = `${inspection.sheet} ${inspection.rows[0] === inspection.rows[1] ? inspection.rows[0] : `${inspection.rows[0]}–${inspection.rows[1]}`}${lang === "ja" ? "行" : ""}`;
  return (
    <div className={styles.box} aria-live="polite" data-testid="row-inspector">
      <Caption1>{where}</Caption1>
      {inspection.kind === "initiative" && (
        <>
          <Caption1Strong as="h3">{`【${inspection.code}】${inspection.title}`}</Caption1Strong>
          <Caption1Strong as="h4">{tl("checks", lang)}</Caption1Strong>
          {inspection.checks.length === 0 ? (
            <Body1>{tl("noChecks", lang)}</Body1>
          ) : (
            <ul className={styles.list} aria-label={tl("checks", lang)}>
              {inspection.checks.map((c, i) => (
                <li key={i}>
                  <Body1>
                    {`${tl(c.kind, lang)} ${c.read ?? c.source} → ${tl("actual", lang)} ${c.actual ?? tl("none", lang)}: `}
                    <Verdict outcome={c.outcome} lang={lang} />
                  </Body1>
                  {c.outcome === "undecidable" && <Caption1 as="p">{c.why}</Caption1>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {inspection.kind === "outcome" && (
        <>
          <Caption1Strong as="h3">{`${inspection.strategyCode ? `【${inspection.strategyCode}】` : ""}${inspection.indicator}`}</Caption1Strong>
          <Body1>
            {`${tl("value", lang)} ${inspection.value ?? tl("none", lang)} ・ ${tl("goal", lang)} ${inspection.target ?? tl("none", lang)} ・ ${tl("previous", lang)} ${inspection.previous ?? tl("none", lang)}`}
          </Body1>
        </>
      )}
      {inspection.kind === "strategy" && (
        <>
          <Caption1Strong as="h3">{`${inspection.code ? `【${inspection.code}】` : ""}${inspection.name}`}</Caption1Strong>
        </>
      )}
      {/* Every kind of row: the recorded code against the rule's, and why. */}
      <RecordedVsRule recorded={inspection.recorded} expected={inspection.expected} lang={lang} />
      <Caption1 as="p">{inspection.reason}</Caption1>
      <Caption1Strong as="h4">{tl("findings", lang)}</Caption1Strong>
      {inspection.findings.length === 0 ? (
        <Body1>{tl("noFindings", lang)}</Body1>
      ) : (
        <ul className={styles.list} aria-label={tl("findings", lang)}>
          {inspection.findings.map((f, i) => (
            <li key={i}>
              <Body1>
                <span className={styles[f.severity]}>{`${tSeverity(f.severity, lang)} `}</span>
                {`${f.cell ?? ""} ${f.message}`}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
