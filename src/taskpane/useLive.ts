import * as React from "react";
import { inspectRow, type RowInspection } from "../core/inspect";
import { recheckedReport } from "../core/incremental";
import { parseA1 } from "../core/grid";
import type { JsonReport, Lang } from "../core/report";
import {
  LiveSession,
  noteCellsAfterColor,
  type ContextRunner,
  type LiveUpdate,
} from "../excel/live";
import type { ActionResult, ExcelRunner } from "../excel/session";
import type { LiveCheck } from "../core/incremental";

export interface LiveHost {
  run: ExcelRunner;
  /** Excel.run(context, batch): what removes the handlers. Without it the pane does not follow the workbook. */
  runIn?: ContextRunner;
  notes: boolean;
  /** WorksheetChangedEventArgs.triggerSource is there (ExcelApi 1.14); otherwise Hyoka turns events off as it writes. */
  triggerSource?: boolean;
}

export interface UseLiveOptions {
  host: LiveHost | null;
  lang: Lang;
  /** The pane is shown: closing it (the page lives on in the shared runtime) removes the handlers. */
  visible: boolean;
  /** A re-check changed the report. */
  onReport: (update: (report: JsonReport) => JsonReport, info: LiveUpdate) => void;
  onError: (error: unknown) => void;
  debounceMs?: number;
}

export interface Live {
  /** After each button press: follow the workbook from what it read. */
  follow(result: ActionResult): void;
  /** The selected row's judgement, from the last check (no read). */
  inspection: RowInspection | null;
  selected: { sheet: string; address: string } | null;
  /** The re-check of edits is on (the switch). */
  on: boolean;
  setOn(on: boolean): void;
  /** Hyoka should turn its events off while it writes (no triggerSource on this Excel). */
  quietEvents: boolean;
  available: boolean;
}

function rowOf(address: string): number | null {
  const first = address.split(/[:,]/)[0].replace(/\$/g, "");
  try {
    return parseA1(first).row;
  } catch {
    return null;
  }
}

/**
 * The pane's live side: one LiveSession after the first press, its handlers removed when the pane closes or unmounts
 * and added again when it opens; the inspector's judgement worked out from the session's check.
 */
export function useLive({
  host,
  lang,
  visible,
  onReport,
  onError,
  debounceMs,
}: UseLiveOptions): Live {
  const session = React.useRef<LiveSession | null>(null);
  const [check, setCheck] = React.useState<LiveCheck | null>(null);
  const [selected, setSelected] = React.useState<{ sheet: string; address: string } | null>(null);
  const [on, setOnState] = React.useState(true);
  const available = Boolean(host?.runIn);
  const callbacks = React.useRef({ onReport, onError });
  callbacks.current = { onReport, onError };

  const follow = React.useCallback(
    (result: ActionResult) => {
      if (!host?.runIn) return;
      setCheck(result.live);
      const notes =
        result.action === "color" && result.outcome?.applied
          ? noteCellsAfterColor(result.live.result.findings, result.outcome.skipped)
          : result.action === "clear"
            ? null
            : (session.current?.notes ?? null);
      if (session.current) {
        session.current.live = result.live;
        session.current.notes = notes;
        return;
      }
      const s = new LiveSession(
        { run: host.run, runIn: host.runIn, notes: host.notes },
        result.live,
        {
          onSelect: (sheet, address) => setSelected({ sheet, address }),
          onUpdate: (u) => {
            setCheck(u.recheck.live);
            callbacks.current.onReport((report) => recheckedReport(report, u.recheck, lang), u);
          },
          onError: (e) => callbacks.current.onError(e),
        },
        { lang, debounceMs },
        notes
      );
      session.current = s;
    },
    [host, lang, debounceMs]
  );

  // Handlers while the pane is shown and a session exists; removed when it closes or unmounts.
  React.useEffect(() => {
    const s = session.current;
    if (!s || !visible || !check) return;
    let started = false;
    const starting = s.start().then(
      () => (started = true),
      (e) => callbacks.current.onError(e)
    );
    return () => {
      void starting
        .then(() => (started ? s.stop() : undefined))
        .catch((e) => callbacks.current.onError(e));
    };
    // Started once per session and per showing of the pane, not per re-check.
  }, [visible, check !== null, session.current]);

  React.useEffect(() => {
    if (session.current) session.current.paused = !on;
  }, [on, check]);

  const inspection = React.useMemo(() => {
    if (!check || !selected) return null;
    const row = rowOf(selected.address);
    return row === null ? null : inspectRow(check.result, selected.sheet, row, lang);
  }, [check, selected, lang]);

  return {
    follow,
    inspection,
    selected,
    on,
    setOn: setOnState,
    quietEvents: available && !host?.triggerSource,
    available,
  };
}
