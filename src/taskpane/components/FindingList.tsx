import * as React from "react";
import { Body1, Button, Caption1Strong, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { JsonReport, Lang } from "../../core/report";
import { groupFindings } from "../counts";
import { t, tSeverity } from "../strings";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  finding: { justifyContent: "flex-start", textAlign: "left", height: "auto", minWidth: 0, width: "100%", fontWeight: tokens.fontWeightRegular },
  cell: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

export interface FindingListProps {
  report: JsonReport;
  lang: Lang;
  onSelect: (sheet: string, cell: string) => void;
}

/** Findings by severity and sheet; each one with a cell is a button that selects it in Excel. */
export function FindingList({ report, lang, onSelect }: FindingListProps): React.JSX.Element {
  const styles = useStyles();
  const groups = groupFindings(report.findings);
  if (groups.length === 0) return <Body1>{t("noFindings", lang)}</Body1>;
  return (
    <>
      {groups.map((g) => (
        <section key={g.severity} className={styles.group} aria-label={tSeverity(g.severity, lang)}>
          <Subtitle2 as="h3" className={styles[g.severity]}>
            {`${tSeverity(g.severity, lang)} (${g.sheets.reduce((n, s) => n + s.findings.length, 0)})`}
          </Subtitle2>
          {g.sheets.map((s) => (
            <div key={s.sheet} className={styles.group}>
              <Caption1Strong as="h4">{s.sheet}</Caption1Strong>
              <ul className={styles.list}>
                {s.findings.map((f, i) => (
                  <li key={`${f.cell}-${f.rule}-${i}`}>
                    {f.cell ? (
                      <Button
                        className={styles.finding}
                        appearance="subtle"
                        title={t("selectHint", lang)}
                        onClick={() => onSelect(f.sheet, f.cell!)}
                      >
                        <span className={styles.cell}>{f.cell}</span>
                        <span>{f.message}</span>
                      </Button>
                    ) : (
                      <Body1>{f.message}</Body1>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
