import { deflateRawSync, inflateRawSync } from "zlib";

/** The zip records this helper reads and writes (APPNOTE 4.3.7, 4.3.12, 4.3.16): the test's own, not the product's. */
const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

function readEndOfDirectory(data: Buffer): { entries: number; offset: number } | null {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--)
    if (data.readUInt32LE(i) === END_OF_DIRECTORY)
      return { entries: data.readUInt16LE(i + 10), offset: data.readUInt32LE(i + 16) };
  return null;
}

function readCentralEntry(data: Buffer, at: number) {
  const nameLength = data.readUInt16LE(at + 28);
  return {
    next: at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32),
    flags: data.readUInt16LE(at + 8),
    method: data.readUInt16LE(at + 10),
    crc: data.readUInt32LE(at + 16),
    compressedSize: data.readUInt32LE(at + 20),
    size: data.readUInt32LE(at + 24),
    name: data.subarray(at + 46, at + 46 + nameLength),
    localOffset: data.readUInt32LE(at + 42),
  };
}

function localDataStart(data: Buffer, local: number): number {
  return local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Size to claim in the headers instead of the real one (a lying zip). */
  claimedSize?: number;
  /** General purpose flags (bit 11: UTF-8 name; bit 3: sizes in a data descriptor). */
  flags?: number;
}

/**
 * A minimal zip writer, for crafting files: deflated entries by default (hostile files for Hyoka's guard), or stored
 * ones (as ExcelJS writes with compression STORE).
 */
export function makeZip(entries: ZipEntry[], method: 0 | 8 = 8): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const size = e.claimedSize ?? e.data.length;
    const crc = crc32(e.data);
    const flags = e.flags ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_ENTRY, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_ENTRY, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface ReadEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  /** Uncompressed contents. */
  data: Buffer;
}

/**
 * Every entry of a zip, uncompressed, read from its central directory; throws where a local header disagrees with
 * it (sizes and CRC only when the local header carries them: flag bit 3 puts them in a data descriptor), or where
 * the data does not match its CRC.
 */
export function readZip(zip: Buffer): ReadEntry[] {
  const end = readEndOfDirectory(zip);
  if (!end) throw new Error("no end record");
  const out: ReadEntry[] = [];
  for (let i = 0, p = end.offset; i < end.entries; i++) {
    const entry = readCentralEntry(zip, p);
    const local = entry.localOffset;
    const described = (entry.flags & 0x0008) !== 0;
    const agrees =
      zip.readUInt32LE(local) === LOCAL_ENTRY &&
      zip.readUInt16LE(local + 6) === entry.flags &&
      zip.readUInt16LE(local + 8) === entry.method &&
      (described ||
        (zip.readUInt32LE(local + 14) === entry.crc &&
          zip.readUInt32LE(local + 18) === entry.compressedSize &&
          zip.readUInt32LE(local + 22) === entry.size)) &&
      zip.subarray(local + 30, local + 30 + entry.name.length).equals(entry.name);
    if (!agrees)
      throw new Error(
        `local header of ${entry.name.toString("utf8")} disagrees with the directory`
      );
    const start = localDataStart(zip, local);
    const body = zip.subarray(start, start + entry.compressedSize);
    const data = entry.method === 8 ? inflateRawSync(body) : Buffer.from(body);
    if (data.length !== entry.size || crc32(data) !== entry.crc)
      throw new Error(`${entry.name.toString("utf8")}: size or CRC does not match its data`);
    out.push({
      name: entry.name.toString("utf8"),
      method: entry.method,
      flags: entry.flags,
      crc: entry.crc,
      data,
    });
    p = entry.next;
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip writes it (the test's own, so it does not lean on the code under test). */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const DATA_DESCRIPTOR = 0x08074b50;

/**
 * Every entry of a zip read as a streaming reader reads it (java.util.zip.ZipInputStream, unzip from a pipe):
 * local header after local header, never looking at the central directory. Where flag bit 3 puts the sizes in a
 * data descriptor after the data (APPNOTE 4.4.4), such a reader can find the end of deflated data by inflating it,
 * but not the end of stored data: this throws there, as ZipInputStream does ("only DEFLATED entries can have EXT
 * descriptor").
 */
export function walkLocalEntries(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  let at = 0;
  while (zip.readUInt32LE(at) === LOCAL_ENTRY) {
    const flags = zip.readUInt16LE(at + 6);
    const method = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString("utf8");
    const start = localDataStart(zip, at);
    let data: Buffer;
    let end: number;
    let crc: number;
    let size: number;
    if ((flags & 0x0008) === 0) {
      const compressedSize = zip.readUInt32LE(at + 18);
      const body = zip.subarray(start, start + compressedSize);
      data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
      crc = zip.readUInt32LE(at + 14);
      size = zip.readUInt32LE(at + 22);
      end = start + compressedSize;
    } else {
      if (method !== 8)
        throw new Error(
          `${name}: a stored entry with a data descriptor cannot be read from a stream`
        );
      const inflated = inflateRawSync(zip.subarray(start), { info: true }) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      data = inflated.buffer;
      let descriptor = start + inflated.engine.bytesWritten;
      if (zip.readUInt32LE(descriptor) === DATA_DESCRIPTOR) descriptor += 4;
      crc = zip.readUInt32LE(descriptor);
      size = zip.readUInt32LE(descriptor + 8);
      end = descriptor + 12;
    }
    if (data.length !== size || crc32(data) !== crc)
      throw new Error(`${name}: size or CRC does not match its data`);
    out.push({ name, data });
    at = end;
  }
  if (zip.readUInt32LE(at) !== CENTRAL_ENTRY && zip.readUInt32LE(at) !== END_OF_DIRECTORY)
    throw new Error(`no local header or central directory at byte ${at}`);
  return out;
}

/** Each entry's bytes as stored in the zip (compressed), by name, read from the central directory. */
export function storedBytes(zip: Buffer): Map<string, Buffer> {
  const end = readEndOfDirectory(zip);
  if (!end) throw new Error("no end record");
  const out = new Map<string, Buffer>();
  for (let i = 0, p = end.offset; i < end.entries; i++) {
    const entry = readCentralEntry(zip, p);
    const start = localDataStart(zip, entry.localOffset);
    out.set(entry.name.toString("utf8"), zip.subarray(start, start + entry.compressedSize));
    p = entry.next;
  }
  return out;
}
