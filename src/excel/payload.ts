/** Excel on the web refuses a request or response over 5 MB; Hyoka keeps each sync well under it. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** True for Office's "payload too large" errors (request or response). */
export function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /PayloadSizeLimitExceeded/i.test(code);
}

/** Office's catch-all "internal error", which Excel on the web has given for oversized requests too. */
export function isGeneralException(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "GeneralException";
}

/** Rough JSON size of a value as it travels in a request (UTF-8 bytes). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return bytes;
}

/**
 * Queues write operations and syncs only when the next one would take the request past the budget, so a
 * normal plan goes in one sync and a very large one in as few as its size needs.
 */
export class WriteBatcher {
  private pending = 0;
  syncs = 0;
  largestRequest = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly budget: number = PAYLOAD_BUDGET_BYTES
  ) {}

  async add(bytes: number, op: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    op();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    this.largestRequest = Math.max(this.largestRequest, this.pending);
    this.pending = 0;
    this.syncs += 1;
    await this.context.sync();
  }
}
