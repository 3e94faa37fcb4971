// Reads a PDF the browser printed: its text page by page (whitespace runs made single spaces) and each
// page's size in points, with unpdf (PDF.js packaged for Node), so tests can find headings and figures.
import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfPages {
  pages: string[];
  /** Width and height of each page in points (A4 is 595 × 842). */
  sizes: { width: number; height: number }[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPages> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: false });
  const sizes = [];
  for (let number = 1; number <= document.numPages; number++) {
    const viewport = (await document.getPage(number)).getViewport({ scale: 1 });
    sizes.push({ width: viewport.width, height: viewport.height });
  }
  return { pages: text.map((page) => page.replace(/\s+/g, ' ').trim()), sizes };
}
