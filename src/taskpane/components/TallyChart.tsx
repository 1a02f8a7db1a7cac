import * as React from "react";
import type { JsonReport, Lang } from "../../core/report";
import { defaultProfile, type Profile } from "../../core/profile";
import { t } from "../strings";

type Colors = Profile["summary"]["chartColors"];

const WIDTH = 320;
const LABEL = 80;
const ROW = 26;
const BAR = 18;
const LEGEND = 22;
/** Room right of the longest bar for its total. */
const TOTAL = 28;

/** The chart's words for a screen reader: every 経営課題 with both counts. */
export function tallyDescription(report: JsonReport, lang: Lang): string {
  const rows = report.summary.byIssue.map((i) =>
    lang === "ja"
      ? `経営課題${i.issueNo}: 達成 ${i.achieved}、未達成 ${i.notAchieved}`
      : `Issue ${i.issueNo}: ${i.achieved} met, ${i.notAchieved} not met`
  );
  return rows.join(lang === "ja" ? "。" : "; ");
}

/**
 * The council tally as the stacked bars Excel's chart shows: 達成 and 未達成 per 経営課題, first 経営課題 at the top.
 * Plain SVG sized by its viewBox, so it fits the pane from 320 px up; its title and description carry the numbers.
 */
export function TallyChart({
  report,
  lang,
  colors = defaultProfile.summary.chartColors,
}: {
  report: JsonReport;
  lang: Lang;
  colors?: Colors;
}): React.JSX.Element | null {
  const id = React.useId();
  const issues = report.summary.byIssue;
  if (issues.length === 0) return null;
  const most = Math.max(1, ...issues.map((i) => i.achieved + i.notAchieved));
  const scale = (WIDTH - LABEL - TOTAL) / most;
  const height = LEGEND + issues.length * ROW + 4;
  const title = `${t("tally", lang)} (${lang === "ja" ? "グラフ" : "chart"})`;
  const segment = (x: number, w: number, y: number, n: number, fill: string) =>
    n > 0 && (
      <g>
        <rect x={x} y={y} width={w} height={BAR} fill={fill} />
        {w >= 14 && (
          <text x={x + w / 2} y={y + BAR / 2} dy="0.35em" textAnchor="middle" fontSize="12" fill="#FFFFFF">
            {n}
          </text>
        )}
      </g>
    );
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: 480, display: "block" }}
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{tallyDescription(report, lang)}</desc>
      <g aria-hidden="true">
        <rect x={LABEL} y={4} width={10} height={10} fill={colors.achieved} />
        <text x={LABEL + 14} y={9} dy="0.35em" fontSize="12" fill="#242424">
          {t("achieved", lang)}
        </text>
        <rect x={LABEL + 70} y={4} width={10} height={10} fill={colors.notAchieved} />
        <text x={LABEL + 84} y={9} dy="0.35em" fontSize="12" fill="#242424">
          {t("notAchieved", lang)}
        </text>
        {issues.map((i, n) => {
          const y = LEGEND + n * ROW;
          const met = i.achieved * scale;
          const unmet = i.notAchieved * scale;
          return (
            <g key={i.issueNo}>
              <text x={LABEL - 6} y={y + BAR / 2} dy="0.35em" textAnchor="end" fontSize="12" fill="#242424">
                {`${lang === "ja" ? "経営課題" : "Issue "}${i.issueNo}`}
              </text>
              {segment(LABEL, met, y, i.achieved, colors.achieved)}
              {segment(LABEL + met, unmet, y, i.notAchieved, colors.notAchieved)}
              <text x={LABEL + met + unmet + 4} y={y + BAR / 2} dy="0.35em" fontSize="12" fill="#616161">
                {i.achieved + i.notAchieved}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
