import { textIn, type LocalizedText } from '../../contract/lang';
import type { PrintLayout } from './layout';
import { printedDateTime, printTexts, type PrintLang } from './texts';

export interface TestPrintInput {
  lang: PrintLang;
  kioskName: string;
  office: { name: LocalizedText; timeZone: string };
  at: Date;
  /** Printed as a QR code, to check the printer's QR support. */
  url: string;
}

/** The page an installer prints to check a kiosk's printer: text, accents, a QR code, the cut. */
export function testPrintLayout(input: TestPrintInput): PrintLayout {
  const t = printTexts(input.lang);
  const { date, time } = printedDateTime(input.at, input.office.timeZone);
  return {
    kind: 'test',
    lang: input.lang,
    title: t('testTitle'),
    blocks: [
      { type: 'text', text: t('testTitle'), scale: 2, bold: true },
      { type: 'text', text: textIn(input.office.name, input.lang) },
      { type: 'text', text: `${date} ${time}` },
      { type: 'rule' },
      { type: 'text', text: t('testText', { kiosk: input.kioskName }), align: 'left' },
      { type: 'text', text: 'àèéìòù ÀÈÉÌÒÙ €', align: 'left' },
      { type: 'feed', lines: 1 },
      { type: 'qr', data: input.url },
      { type: 'cut' },
    ],
  };
}
