import * as FileType from 'file-type';
import { fromBuffer } from 'file-type';

// file-type 17+ is ESM only and would not load under ts-jest's CommonJS; version 16 must. The
// imports above compile to require() here, so this file loading at all is half the proof.
describe('file-type 16 under ts-jest (CommonJS)', () => {
  it('loads through require and sniffs a buffer', async () => {
    const required = jest.requireActual<typeof FileType>('file-type');
    expect(required.fromBuffer).toBe(fromBuffer);
    expect(typeof FileType.fromStream).toBe('function');
    await expect(fromBuffer(Buffer.from('%PDF-1.4\n%%EOF\n'))).resolves.toEqual({
      ext: 'pdf',
      mime: 'application/pdf',
    });
  });
});
