// Extracts the text of a .docx (e.g. a download from the national law database) as one line per paragraph,
// ready for parseLawText.
import { strFromU8, unzipSync } from 'fflate';
import { MAX_DOCX_XML_BYTES } from '@/lib/constants';

/**
 * A .docx whose document expands past the cap (a zip bomb, or no law text). fflate inflates an entry into a buffer
 * of the size the zip declares and stops there, so refusing a large declared size before inflating is enough: a
 * zip that understates its size inflates only that much and fails to parse.
 */
export class DocxTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    const mb = Math.round(limitBytes / 1024 / 1024);
    super(`解压后超过 ${mb} MB，不像法规文本，未导入 / expands to more than ${mb} MB when unzipped: not a law text, not imported`);
    this.name = 'DocxTooLargeError';
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

export function docxToText(bytes: Uint8Array, maxXmlBytes = MAX_DOCX_XML_BYTES): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > maxXmlBytes) throw new DocxTooLargeError(maxXmlBytes);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxTooLargeError) throw error;
    throw new Error('不是有效的 .docx 文件 / not a valid .docx file (zip)');
  }
  const doc = files['word/document.xml'];
  if (!doc) throw new Error('.docx 中没有 word/document.xml / word/document.xml missing from .docx');
  // mc:Fallback repeats the content of mc:Choice (text boxes etc.) for old readers
  const xml = strFromU8(doc).replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, '');

  const lines: string[] = [];
  let buf = '';
  let props = 0; // inside w:pPr / w:rPr, where w:tab means a tab stop, not a tab
  const tag = /<(\/?)(w:[A-Za-z]+)\b[^>]*?(\/?)>|([^<]+)/g;
  let inText = false;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, close, name, selfClose, text] = m;
    if (text !== undefined) {
      if (inText) buf += decodeXml(text);
      continue;
    }
    const opening = !close && !selfClose;
    switch (name) {
      case 'w:p':
        if (close || selfClose) {
          lines.push(buf);
          buf = '';
        }
        break;
      case 'w:t':
        inText = opening;
        break;
      case 'w:pPr':
      case 'w:rPr':
        if (opening) props++;
        else if (close) props--;
        break;
      case 'w:tab':
        if (!props && !close) buf += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (!props && !close) buf += '\n';
        break;
    }
  }
  if (buf) lines.push(buf);
  return lines.join('\n');
}
