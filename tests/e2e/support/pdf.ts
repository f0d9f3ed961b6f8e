import { execFileSync } from 'node:child_process';

/** Text compared the way page-model.md advises for pdftotext: every space left out. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The lines of each page of a PDF as poppler's pdftotext reads them (`-bbox`: every word with
 * its box): the words whose boxes sit on one baseline, left to right and joined without spaces,
 * top to bottom.
 */
export function pdfLines(path: string): string[][] {
  const xhtml = execFileSync('pdftotext', ['-bbox', path, '-']).toString();
  return xhtml.split('<page ').slice(1).map((page) => {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      y: (Number(m[2]) + Number(m[3])) / 2,
      text: decode(m[4]),
    }));
    words.sort((a, b) => a.y - b.y || a.x - b.x);
    const lines: { y: number; words: typeof words }[] = [];
    for (const word of words) {
      const line = lines[lines.length - 1];
      if (line && Math.abs(word.y - line.y) < 3) line.words.push(word);
      else lines.push({ y: word.y, words: [word] });
    }
    return lines.map((line) => squash(line.words.sort((a, b) => a.x - b.x).map((w) => w.text).join('')));
  });
}
