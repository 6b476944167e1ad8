import { strToU8, zipSync } from 'fflate';

/**
 * Small .docx zip bombs built in the test: `zeros` bytes of document XML that deflate to a few KB, optionally with
 * the sizes the zip declares (central directory and local header) rewritten to `declare`, as a hostile file would.
 */
export function docxBomb(zeros: number, declare?: number): Uint8Array {
  const xml = new Uint8Array(zeros).fill(0x20);
  xml.set(strToU8('<w:document><w:body><w:p><w:r><w:t>'), 0);
  const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': xml }, { level: 9 });
  if (declare === undefined) return zip;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    const name = (offset: number, length: number) => new TextDecoder().decode(zip.subarray(offset, offset + length));
    if (sig === 0x04034b50 && name(i + 30, view.getUint16(i + 26, true)) === 'word/document.xml') view.setUint32(i + 22, declare, true);
    if (sig === 0x02014b50 && name(i + 46, view.getUint16(i + 28, true)) === 'word/document.xml') view.setUint32(i + 24, declare, true);
  }
  return zip;
}
