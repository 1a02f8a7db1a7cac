/** The requirement set the manifest declares: merged areas (Range.getMergedAreasOrNullObject) need 1.13. */
export const MINIMUM_EXCEL_API = "1.13";

/** Notes (Worksheet.notes) need ExcelApi 1.18; on older Excel, findings stay in the task pane only. */
export function supportsNotes(): boolean {
  return (
    typeof Office !== "undefined" &&
    Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", "1.18"))
  );
}

/** Threaded comments (Worksheet.comments) need ExcelApi 1.10; Hyoka reads them to keep its notes off their cells. */
export function supportsComments(): boolean {
  return (
    typeof Office !== "undefined" &&
    Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", "1.10"))
  );
}

export function supportsMinimum(): boolean {
  return (
    typeof Office !== "undefined" &&
    Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", MINIMUM_EXCEL_API))
  );
}

/** WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14) tells Hyoka's own writes from others'. */
export function supportsTriggerSource(): boolean {
  return (
    typeof Office !== "undefined" &&
    Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", "1.14"))
  );
}
