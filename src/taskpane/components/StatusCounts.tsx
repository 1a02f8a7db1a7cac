import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { JsonReport, Lang } from "../../core/report";
import { recordedCounts, type CodeCount } from "../counts";
import { t } from "../strings";
import type { Profile } from "../../core/profile";
import { TallyChart } from "./TallyChart";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%" },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "left", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

function codes(counts: CodeCount[], lang: Lang): string {
  return counts
    .filter((c) => c.code !== "" || c.count > 0)
    .map((c) => `${c.code === "" ? t("empty", lang) : c.code} ${c.count}`)
    .join(" ・ ");
}

/** Counts by ①②③ / A/B / a/b, and the council tally per 経営課題. */
export function StatusCounts({
  report,
  lang,
  chartColors,
}: {
  report: JsonReport;
  lang: Lang;
  /** The tally chart's colours (the profile's summary.chartColors). */
  chartColors?: Profile["summary"]["chartColors"];
}): React.JSX.Element {
  const styles = useStyles();
  const counts = recordedCounts(report);
  const { byIssue, total } = report.summary;
  return (
    <>
      <table className={styles.table} aria-label={t("counts", lang)}>
        <tbody>
          <tr>
            <th className={styles.cell} scope="row">{t("initiatives", lang)}</th>
            <td className={styles.cell}>{codes(counts.achievement, lang)}</td>
          </tr>
          <tr>
            <th className={styles.cell} scope="row">{t("indicators", lang)}</th>
            <td className={styles.cell}>{codes(counts.indicator, lang)}</td>
          </tr>
          <tr>
            <th className={styles.cell} scope="row">{t("strategies", lang)}</th>
            <td className={styles.cell}>{codes(counts.progress, lang)}</td>
          </tr>
        </tbody>
      </table>
      <table className={styles.table} aria-label={t("tally", lang)}>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">{t("tally", lang)}</th>
            <th className={`${styles.cell} ${styles.num}`} scope="col">{t("achieved", lang)}</th>
            <th className={`${styles.cell} ${styles.num}`} scope="col">{t("notAchieved", lang)}</th>
          </tr>
        </thead>
        <tbody>
          {byIssue.map((i) => (
            <tr key={i.issueNo}>
              <th className={styles.cell} scope="row">
                {`経営課題${i.issueNo}`}
              </th>
              <td className={`${styles.cell} ${styles.num}`}>{i.achieved}</td>
              <td className={`${styles.cell} ${styles.num}`}>{i.notAchieved}</td>
            </tr>
          ))}
          <tr>
            <th className={styles.cell} scope="row">{t("total", lang)}</th>
            <td className={`${styles.cell} ${styles.num}`}>{total.achieved}</td>
            <td className={`${styles.cell} ${styles.num}`}>{total.notAchieved}</td>
          </tr>
        </tbody>
      </table>
      <TallyChart report={report} lang={lang} colors={chartColors} />
    </>
  );
}
