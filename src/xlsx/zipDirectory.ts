/** The parts of the zip format an .xlsx needs: its end record and central directory (APPNOTE 4.3.12, 4.3.16). */

export const END_OF_DIRECTORY = 0x06054b50;
export const CENTRAL_ENTRY = 0x02014b50;
export const LOCAL_ENTRY = 0x04034b50;

export interface EndOfDirectory {
  /** Where the end record starts. */
  at: number;
  entries: number;
  size: number;
  offset: number;
}

/** The end record, searched backwards over a possible archive comment; null when there is none. */
export function readEndOfDirectory(data: Buffer): EndOfDirectory | null {
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) {
    if (data.readUInt32LE(i) === END_OF_DIRECTORY) {
      return {
        at: i,
        entries: data.readUInt16LE(i + 10),
        size: data.readUInt32LE(i + 12),
        offset: data.readUInt32LE(i + 16),
      };
    }
  }
  return null;
}

export interface CentralEntry {
  /** Where this record starts, and where the next one does. */
  at: number;
  next: number;
  versionMadeBy: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The file name as stored (its encoding is told by flag bit 11). */
  name: Buffer;
  externalAttributes: number;
  localOffset: number;
}

/** The central directory record at `at`; the caller checks that 46 bytes and the signature are there. */
export function readCentralEntry(data: Buffer, at: number): CentralEntry {
  const nameLength = data.readUInt16LE(at + 28);
  const extraLength = data.readUInt16LE(at + 30);
  const commentLength = data.readUInt16LE(at + 32);
  return {
    at,
    next: at + 46 + nameLength + extraLength + commentLength,
    versionMadeBy: data.readUInt16LE(at + 4),
    flags: data.readUInt16LE(at + 8),
    method: data.readUInt16LE(at + 10),
    time: data.readUInt16LE(at + 12),
    date: data.readUInt16LE(at + 14),
    crc: data.readUInt32LE(at + 16),
    compressedSize: data.readUInt32LE(at + 20),
    size: data.readUInt32LE(at + 24),
    name: data.subarray(at + 46, at + 46 + nameLength),
    externalAttributes: data.readUInt32LE(at + 38),
    localOffset: data.readUInt32LE(at + 42),
  };
}

/** Where an entry's data starts, after its local header (whose name and extra lengths may differ from the central ones). */
export function localDataStart(data: Buffer, localOffset: number): number {
  return (
    localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28)
  );
}
