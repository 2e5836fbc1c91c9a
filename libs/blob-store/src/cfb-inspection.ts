import { open, type FileHandle } from 'node:fs/promises';

/** `D0 CF 11 E0 A1 B1 1A E1`: an OLE2 compound file (MS-CFB), the container of DOC and XLS. */
const CFB_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
/** Sector numbers above this are markers (end of chain, free, FAT, DIFAT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;

/**
 * The names of the storages and streams in the compound file at `file` (e.g. `WordDocument`,
 * `Workbook`), read from its directory sectors only; `undefined` when it is not a well-formed
 * compound file. Every loop is bounded by the file's sector count, so a crafted chain cannot spin.
 */
export async function readCfbEntryNames(file: string): Promise<Set<string> | undefined> {
  const handle = await open(file, 'r');
  try {
    return await readNames(handle);
  } finally {
    await handle.close();
  }
}

async function readNames(handle: FileHandle): Promise<Set<string> | undefined> {
  const { size } = await handle.stat();
  const header = await readAt(handle, 0, 512);
  if (header.length < 512 || !header.subarray(0, 8).equals(CFB_SIGNATURE)) return undefined;
  const sectorShift = header.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return undefined;
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.ceil(size / sectorSize);
  const fatSectorCount = header.readUInt32LE(0x2c);
  if (fatSectorCount > sectorCount) return undefined;
  const entriesPerSector = sectorSize / 4;

  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(header.readUInt32LE(0x4c + 4 * i));
  }
  let difatSector = header.readUInt32LE(0x44);
  for (
    let steps = 0;
    fatSectors.length < fatSectorCount && difatSector <= MAX_REGULAR_SECTOR && steps < sectorCount;
    steps++
  ) {
    const difat = await readAt(handle, sectorOffset(difatSector, sectorSize), sectorSize);
    if (difat.length < sectorSize) return undefined;
    for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(difat.readUInt32LE(4 * i));
    }
    difatSector = difat.readUInt32LE(sectorSize - 4);
  }

  const nextSector = async (sector: number): Promise<number | undefined> => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerSector)];
    if (fatSector === undefined || fatSector > MAX_REGULAR_SECTOR) return undefined;
    const position = sectorOffset(fatSector, sectorSize) + (sector % entriesPerSector) * 4;
    const entry = await readAt(handle, position, 4);
    return entry.length === 4 ? entry.readUInt32LE(0) : undefined;
  };

  const names = new Set<string>();
  let sector: number | undefined = header.readUInt32LE(0x30);
  for (let steps = 0; sector !== undefined && sector <= MAX_REGULAR_SECTOR; steps++) {
    if (steps >= sectorCount) return undefined;
    const directory = await readAt(handle, sectorOffset(sector, sectorSize), sectorSize);
    if (directory.length < sectorSize) return undefined;
    for (let offset = 0; offset < sectorSize; offset += DIRECTORY_ENTRY_SIZE) {
      const nameLength = directory.readUInt16LE(offset + 0x40);
      const objectType = directory[offset + 0x42];
      // 1 storage, 2 stream, 5 root; the name is UTF-16LE with its terminating NUL counted.
      if ((objectType === 1 || objectType === 2) && nameLength >= 2 && nameLength <= 64) {
        names.add(directory.toString('utf16le', offset, offset + nameLength - 2));
      }
    }
    sector = await nextSector(sector);
  }
  return names;
}

function sectorOffset(sector: number, sectorSize: number): number {
  return (sector + 1) * sectorSize;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
