import { Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_DOCX_XML_BYTES } from '@/lib/constants';
import { docxToText, DocxTooLargeError } from '../../../lib/laws/docx';
import { parseLawText } from '../../../lib/laws/parse';
import { docxBomb } from '../../support/zip-bomb';

/** A small .docx laid out like the national law database's downloads. */
async function sampleDocx(): Promise<Uint8Array> {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          p('中华人民共和国测试法'),
          new Paragraph({
            children: [
              new TextRun('（2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议'),
              new TextRun({ text: '修订）', bold: true }), // one paragraph, two runs
            ],
          }),
          new Paragraph({}),
          p('第一章\u3000总\u3000\u3000则'),
          // tab stops in the paragraph properties must not turn into tab characters
          new Paragraph({
            tabStops: [{ type: TabStopType.LEFT, position: 2000 }],
            children: [new TextRun('第一条\u3000为了测试<&>，制定本法。')],
          }),
          new Paragraph({ children: [new TextRun({ children: ['第二条', new Tab(), '第一款。'] })] }),
          new Paragraph({ children: [new TextRun('第二款第一句。'), new TextRun({ text: '第三款。', break: 1 })] }),
          p('第二章\u3000附\u3000\u3000则'),
          p('第三条\u3000本法自2021年7月15日起施行。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('docxToText', () => {
  it('gives one line per paragraph, joining runs, with tabs and line breaks', async () => {
    const lines = docxToText(await sampleDocx()).split('\n');
    expect(lines).toEqual([
      '中华人民共和国测试法',
      '（2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）',
      '',
      '第一章\u3000总\u3000\u3000则',
      '第一条\u3000为了测试<&>，制定本法。',
      '第二条\t第一款。',
      '第二款第一句。',
      '第三款。',
      '第二章\u3000附\u3000\u3000则',
      '第三条\u3000本法自2021年7月15日起施行。',
    ]);
  });

  it('produces text parseLawText understands', async () => {
    const law = parseLawText(docxToText(await sampleDocx()), { fileName: 'test.docx' });
    expect(law.title).toBe('中华人民共和国测试法');
    expect(law.versionDate).toBe('2021-01-22');
    expect(law.headings.map((h) => h.display)).toEqual(['第一章 总则', '第二章 附则']);
    expect(law.articles.map((a) => [a.number, a.paragraphs])).toEqual([
      [1, ['为了测试<&>，制定本法。']],
      [2, ['第一款。', '第二款第一句。', '第三款。']],
      [3, ['本法自2021年7月15日起施行。']],
    ]);
  });

  it('rejects files that are not .docx', () => {
    expect(() => docxToText(strToU8('not a zip'))).toThrow(/not a valid \.docx/);
    expect(() => docxToText(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/word\/document\.xml missing/);
  });
});

describe('docxToText with a zip bomb', () => {
  it('refuses a document that expands past the cap before inflating it', () => {
    expect(() => docxToText(docxBomb(2 * 1024 * 1024), 1024 * 1024)).toThrow(DocxTooLargeError);
    expect(() => docxToText(docxBomb(2 * 1024 * 1024), 1024 * 1024)).toThrow(/expands to more than 1 MB when unzipped/);
  });

  it('refuses a file that declares 400 MB, under the default cap of MAX_DOCX_XML_BYTES', () => {
    expect(MAX_DOCX_XML_BYTES).toBeLessThan(400 * 1024 * 1024);
    expect(() => docxToText(docxBomb(64 * 1024, 400 * 1024 * 1024))).toThrow(DocxTooLargeError);
  });

  it('inflates no more than a zip declares when it understates the size', () => {
    // 20 MB of document that claims to be 1 KB: only 1 KB is inflated, and what comes out is no law text.
    expect(docxToText(docxBomb(20 * 1024 * 1024, 1024)).length).toBeLessThanOrEqual(1024);
  });

  it('still reads a document under the cap', () => {
    expect(() => docxToText(docxBomb(512 * 1024), 1024 * 1024)).not.toThrow();
  });
});
