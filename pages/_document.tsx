/**
 * The HTML around the pages of Next's Pages Router: only the kiosk (pages/kiosk.tsx says why it is
 * not in app/). Like app/layout.tsx: Italian until the screen sets its language, and the nonce of
 * this answer's Content-Security-Policy (proxy.ts) on every script, which the App Router does by
 * itself and the Pages Router only when told.
 */
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';

type Props = DocumentInitialProps & { nonce?: string };

export default class SportelloDocument extends Document<Props> {
  static async getInitialProps(ctx: DocumentContext): Promise<Props> {
    const initial = await Document.getInitialProps(ctx);
    const nonce = ctx.req?.headers['x-nonce'];
    return { ...initial, nonce: typeof nonce === 'string' ? nonce : undefined };
  }

  render() {
    const { nonce } = this.props;
    return (
      <Html lang="it">
        <Head nonce={nonce} />
        <body>
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
