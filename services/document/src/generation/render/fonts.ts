import * as fs from 'fs';
import * as path from 'path';
import * as fontkit from 'fontkit';

/** The four Tinos faces (metric-compatible with Times New Roman, full Vietnamese coverage, OFL). */
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The name each face is registered under in a PDF document. */
export const PDF_FONT: Record<FontFace, string> = {
  regular: 'R',
  bold: 'B',
  italic: 'I',
  boldItalic: 'BI',
};

/** The font named in DOCX and XLSX files (Tinos is its free metric clone, used in PDFs). */
export const OFFICE_FONT = 'Times New Roman';

const FILES: Record<FontFace, string> = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

let parsed: Record<FontFace, fontkit.Font> | undefined;

/**
 * The Tinos faces, each TTF parsed once per process (`fontkit.create`). pdfkit accepts a parsed
 * font wherever it takes a font source; passing the file instead re-parses it per document.
 */
export function tinos(): Record<FontFace, fontkit.Font> {
  if (parsed === undefined) {
    // The package has no "exports" map, so resolving its package.json works under CommonJS.
    const dir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
    const load = (face: FontFace): fontkit.Font => {
      const font = fontkit.create(fs.readFileSync(path.join(dir, FILES[face])));
      if (!('layout' in font)) throw new Error(`${FILES[face]} is a font collection`);
      // fontkit caches each glyph with the code points of its first use, and pdfkit builds the
      // PDF's ToUnicode map from them. Subsetting a composite glyph (ễ = e + marks) creates its
      // components without code points; a later "e" would then map to nothing, so text went
      // missing from PDFs depending on what the process had rendered before. Creating every
      // mapped glyph from its (lowest) code point first makes the map complete and the output
      // independent of history.
      for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
        font.glyphForCodePoint(codePoint);
      }
      return font;
    };
    parsed = {
      regular: load('regular'),
      bold: load('bold'),
      italic: load('italic'),
      boldItalic: load('boldItalic'),
    };
  }
  return parsed;
}

/** The advance width in points of `text` set in `face` at `size` points (no kerning). */
export function textWidth(text: string, face: FontFace, size: number): number {
  const font = tinos()[face];
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

/**
 * The largest size, from `size` down in half points to `min`, at which `text` fits `width`
 * points on one line; below `min` only when even that is too wide (then the size that fits
 * exactly, so a line never wraps nor overflows).
 */
export function fitSize(
  text: string,
  face: FontFace,
  size: number,
  width: number,
  min = 8,
): number {
  let s = size;
  while (s > min && textWidth(text, face, s) > width) s -= 0.5;
  const w = textWidth(text, face, s);
  return w > width ? Math.floor(((s * width) / w) * 10) / 10 : s;
}
