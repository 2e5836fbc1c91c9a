import * as yauzl from 'yauzl';
import { UnsafeArchive } from './blob-errors';
import type { ArchiveLimits } from './document-types';

/**
 * Reads the central directory of the zip at `file` (never inflating anything) and returns its
 * entry names, or throws `UnsafeArchive` when the archive breaks `limits`, names an entry with an
 * absolute or `..` path, or cannot be read as a zip.
 */
export async function inspectZip(file: string, limits: ArchiveLimits): Promise<Set<string>> {
  let zip: yauzl.ZipFile;
  try {
    // validateEntrySizes stays on: a later reader that inflates gets an error, not more bytes
    // than the directory declared.
    zip = await yauzl.openPromise(file, { lazyEntries: true });
  } catch (error) {
    throw new UnsafeArchive(`not a readable zip (${messageOf(error)})`);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new UnsafeArchive(`${zip.entryCount} entries (at most ${limits.maxEntries})`);
  }
  const names = new Set<string>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const { uncompressedSize, compressedSize, fileName } = entry;
      total += uncompressedSize;
      if (total > limits.maxTotalUncompressedBytes) {
        throw new UnsafeArchive(
          `more than ${limits.maxTotalUncompressedBytes} bytes uncompressed in all`,
        );
      }
      if (
        uncompressedSize > limits.ratioGraceBytes &&
        uncompressedSize > compressedSize * limits.maxCompressionRatio
      ) {
        throw new UnsafeArchive(
          `entry ${JSON.stringify(fileName)} expands ${compressedSize} bytes to ${uncompressedSize}`,
        );
      }
      names.add(fileName);
    }
  } catch (error) {
    if (error instanceof UnsafeArchive) throw error;
    throw new UnsafeArchive(`unreadable central directory (${messageOf(error)})`);
  } finally {
    zip.close();
  }
  return names;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
