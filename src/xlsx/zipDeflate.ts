import { deflateRaw } from "zlib";
import { promisify } from "util";
import {
  CENTRAL_ENTRY,
  END_OF_DIRECTORY,
  LOCAL_ENTRY,
  localDataStart,
  readCentralEntry,
  readEndOfDirectory,
  type CentralEntry,
} from "./zipDirectory";

const deflate = promisify(deflateRaw);

const STORED = 0;
const DEFLATED = 8;
/** Bit 3: sizes and CRC follow the data. They are written in the header here, so the bit is cleared. */
const DATA_DESCRIPTOR = 0x0008;
const VERSION_NEEDED = 20;

/**
 * The fields a local header and its directory record both hold, in the same order from "version needed" on
 * (offset 4 in the local header, 6 in the directory record).
 */
function writeSharedFields(
  header: Buffer,
  at: number,
  {
    entry,
    flags,
    method,
    compressedSize,
  }: { entry: CentralEntry; flags: number; method: number; compressedSize: number }
): void {
  header.writeUInt16LE(VERSION_NEEDED, at);
  header.writeUInt16LE(flags, at + 2);
  header.writeUInt16LE(method, at + 4);
  header.writeUInt16LE(entry.time, at + 6);
  header.writeUInt16LE(entry.date, at + 8);
  header.writeUInt32LE(entry.crc, at + 10);
  header.writeUInt32LE(compressedSize, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.name.length, at + 22);
}

/**
 * Compresses a zip whose entries are stored (ExcelJS writing with `compression: "STORE"`), entry by entry, with
 * Node's zlib. ExcelJS deflates in JavaScript on one core; zlib runs natively on the thread pool, all entries at
 * once. Names, times, CRCs and contents are kept; an entry that would not shrink stays stored, as zip tools do.
 */
export async function deflateStoredZip(stored: Buffer): Promise<Buffer> {
  const end = readEndOfDirectory(stored);
  if (!end) throw new Error("the zip written by ExcelJS has no end record");
  const entries: CentralEntry[] = [];
  for (let i = 0, p = end.offset; i < end.entries; i++) {
    if (stored.readUInt32LE(p) !== CENTRAL_ENTRY)
      throw new Error("the zip written by ExcelJS has a broken directory");
    const entry = readCentralEntry(stored, p);
    entries.push(entry);
    p = entry.next;
  }
  const bodies = await Promise.all(
    entries.map(async (entry) => {
      const start = localDataStart(stored, entry.localOffset);
      const data = stored.subarray(start, start + entry.compressedSize);
      if (entry.method !== STORED) return { method: entry.method, data };
      const packed = await deflate(data);
      return packed.length < data.length
        ? { method: DEFLATED, data: packed }
        : { method: STORED, data };
    })
  );

  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    const { method, data } = bodies[i];
    const flags = entry.flags & ~DATA_DESCRIPTOR;
    const shared = { entry, flags, method, compressedSize: data.length };
    // Extra fields (and in the directory, comment, disk number and internal attributes): none, left 0.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_ENTRY, 0);
    writeSharedFields(local, 4, shared);
    parts.push(local, entry.name, data);

    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL_ENTRY, 0);
    record.writeUInt16LE(entry.versionMadeBy, 4);
    writeSharedFields(record, 6, shared);
    record.writeUInt32LE(entry.externalAttributes, 38);
    record.writeUInt32LE(offset, 42);
    central.push(record, entry.name);
    offset += local.length + entry.name.length + data.length;
  });
  const directorySize = central.reduce((n, b) => n + b.length, 0);
  const tail = Buffer.alloc(22);
  tail.writeUInt32LE(END_OF_DIRECTORY, 0);
  tail.writeUInt16LE(entries.length, 8);
  tail.writeUInt16LE(entries.length, 10);
  tail.writeUInt32LE(directorySize, 12);
  tail.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, tail]);
}
