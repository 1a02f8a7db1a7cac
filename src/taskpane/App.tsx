import * as React from "react";
import {
  Body1,
  Caption1,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { defaultProfile, type Profile } from "../core/profile";
import type { Lang } from "../core/report";
import { isUsableEvaluationSheet } from "../core/recognize";
import { describeError } from "../excel/errors";
import {
  runAction,
  selectCell,
  type Action,
  type ActionResult,
  type ExcelRunner,
} from "../excel/session";
import { ActionBar } from "./components/ActionBar";
import { FindingList } from "./components/FindingList";
import { SheetList } from "./components/SheetList";
import { StatusCounts } from "./components/StatusCounts";
import { WithdrawalView } from "./components/WithdrawalView";
import { tw } from "./withdrawalStrings";
import { outcomeMessage, type PaneMessage } from "./outcomeMessage";
import { hiddenSheet, t, tWorking } from "./strings";
import { LiveSwitch } from "./components/LiveSwitch";
import { RowInspector } from "./components/RowInspector";
import { useLive } from "./useLive";
import { recheckSummary, tl } from "./liveStrings";
import type { ContextRunner } from "../excel/live";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** What the pane needs from Excel: a way to run batches, and whether notes can be added. */
export interface PaneHost {
  run: ExcelRunner;
  notes: boolean;
  /** Threaded comments can be read (ExcelApi 1.10): notes keep off their cells. */
  comments?: boolean;
  /** Desktop Excel: no 5 MB limit per request, as on the web. */
  unlimitedPayload?: boolean;
  /** Excel.run(context, batch): with it the pane follows the selection and re-checks edits. */
  runIn?: ContextRunner;
  /** WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14) tells Hyoka's own writes apart. */
  triggerSource?: boolean;
}

export interface AppProps {
  lang: Lang;
  /** Null when the page is opened outside Excel. */
  host: PaneHost | null;
  /** False on an Excel older than the declared requirement set. */
  supported?: boolean;
  profile?: Profile;
  /** The pane is shown (false once it is closed: the page lives on in the shared runtime). */
  visible?: boolean;
  /** Quiet time after an edit before it is re-checked (ms). */
  liveDelayMs?: number;
}

/** A titled part of the pane, named by its heading for screen readers. */
function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

function usable(result: ActionResult): boolean {
  return result.report.sheets.some(isUsableEvaluationSheet);
}

export function App({
  lang,
  host,
  supported = true,
  profile = defaultProfile,
  visible = true,
  liveDelayMs,
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState<Action | null>(null);
  const [result, setResult] = React.useState<ActionResult | null>(null);
  const [message, setMessage] = React.useState<PaneMessage | null>(null);
  // Whether this workbook's cells were too large for one response (Excel on the web): the next press reads in chunks at once.
  const memory = React.useRef({ large: false });
  const live = useLive({
    host,
    lang,
    visible,
    debounceMs: liveDelayMs,
    onReport: (update, info) => {
      setResult((r) => (r ? { ...r, report: update(r.report) } : r));
      if (info.notesFailed)
        setMessage({
          intent: "warning",
          title: t("errorTitle", lang),
          body: tl("notesFailed", lang),
        });
      else if (info.recheck.how !== "unchanged")
        setMessage({
          intent: "info",
          title: tl("liveTitle", lang),
          body: recheckSummary(
            info.recheck.how === "rows"
              ? info.recheck.changed.initiatives.length +
                  info.recheck.changed.outcomes.length +
                  info.recheck.changed.strategies.length
              : info.recheck.live.result.evaluation.initiatives.length,
            info.recheck.live.result.findings.length,
            lang
          ),
        });
    },
    onError: (error) =>
      setMessage({
        intent: "error",
        title: t("errorTitle", lang),
        body: describeError(error)[lang],
      }),
  });

  const act = async (action: Action) => {
    if (!host) return;
    setBusy(action);
    setMessage(null);
    try {
      const r = await runAction(action, {
        profile,
        lang,
        run: host.run,
        notes: host.notes,
        comments: host.comments,
        unlimitedPayload: host.unlimitedPayload,
        memory: memory.current,
        quietEvents: live.quietEvents,
      });
      live.follow(r);
      setResult(r);
      setMessage(outcomeMessage(r, lang));
    } catch (error) {
      setMessage({
        intent: "error",
        title: t("errorTitle", lang),
        body: describeError(error)[lang],
      });
    } finally {
      setBusy(null);
    }
  };

  const select = async (sheet: string, cell: string) => {
    if (!host) return;
    try {
      if ((await selectCell(host.run, sheet, cell)) === "hidden")
        setMessage({
          intent: "warning",
          title: t("hiddenTitle", lang),
          body: hiddenSheet(sheet, cell, lang),
        });
    } catch (error) {
      setMessage({
        intent: "error",
        title: t("errorTitle", lang),
        body: describeError(error)[lang],
      });
    }
  };

  const structure = result?.report.findings.find((f) => f.rule === "sheet-structure" && !f.cell);
  return (
    <main className={styles.root} lang={lang}>
      <Subtitle1 as="h1">{t("title", lang)}</Subtitle1>
      <Caption1>{t("intro", lang)}</Caption1>
      {!host && (
        <MessageBar intent="info">
          <MessageBarBody>{t("outsideExcel", lang)}</MessageBarBody>
        </MessageBar>
      )}
      {host && !supported && (
        <MessageBar intent="error">
          <MessageBarBody>{t("oldExcel", lang)}</MessageBarBody>
        </MessageBar>
      )}
      <ActionBar lang={lang} disabled={!host || !supported || busy !== null} onAction={act} />
      <div aria-live="polite">
        {busy && <Spinner size="tiny" labelPosition="after" label={tWorking(busy, lang)} />}
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {message.body}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result && !usable(result) && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t("notEvaluation", lang)}</MessageBarTitle>
            {structure?.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <Divider />
          {live.available && (
            <Section id="hyoka-inspector" title={tl("inspector", lang)}>
              <LiveSwitch
                lang={lang}
                checked={live.on}
                onChange={(on) => {
                  live.setOn(on);
                  if (on) void act("check");
                }}
              />
              <RowInspector
                lang={lang}
                selected={live.selected}
                inspection={live.inspection}
                checked
              />
            </Section>
          )}
          <Section id="hyoka-counts" title={t("counts", lang)}>
            <StatusCounts report={result.report} lang={lang} chartColors={profile.summary.chartColors} />
          </Section>
          <Section id="hyoka-withdrawal" title={tw("title", lang)}>
            <WithdrawalView report={result.report} lang={lang} onSelect={select} />
          </Section>
          <Section
            id="hyoka-findings"
            title={`${t("findings", lang)} (${result.report.findings.length})`}
          >
            <FindingList report={result.report} lang={lang} onSelect={select} />
          </Section>
          <Section id="hyoka-sheets" title={t("sheets", lang)}>
            <SheetList report={result.report} lang={lang} />
          </Section>
        </>
      )}
      {!result && host && supported && !busy && <Body1>{t("checkHint", lang)}</Body1>}
    </main>
  );
}
