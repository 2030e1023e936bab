import { useEffect, useRef, useState } from 'preact/hooks';
import { authorisedFetch } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import { Link } from '../../ui/Link.tsx';
import { Alert, Loading, Page } from '../../ui/Page.tsx';
import { saveResponse } from './Certificates.tsx';

// One certificate as its printable page (facts and a QR code holding the signed credential),
// fetched with the parent's token and shown in a frame that runs no script; print or PDF.

export function CertificatePage(props: { applicationId: string; certificateId: string }) {
  const [html, setHtml] = useState<string>();
  const [error, setError] = useState<string>();
  const frame = useRef<HTMLIFrameElement>(null);
  const path = `/api/certificates/${encodeURIComponent(props.certificateId)}`;
  useEffect(() => {
    void authorisedFetch(`${path}/print.html`).then(async (response) => {
      if (response.ok) setHtml(await response.text());
      else setError(String(response.status));
    });
  }, [path]);
  async function pdf() {
    const response = await authorisedFetch(`${path}/print.pdf`);
    if (response.ok) await saveResponse(response, `${props.certificateId}.pdf`);
  }
  return (
    <Page title={t('certificate.title')}>
      <p>
        <Link href={`/applications/${props.applicationId}`}>{t('certificate.back')}</Link>
      </p>
      {error && <Alert kind="error">{t('certificates.downloadFailed', { status: error })}</Alert>}
      {!html && !error && <Loading />}
      {html && (
        <>
          <div class="actions">
            <button type="button" class="primary" onClick={() => frame.current?.contentWindow?.print()}>
              {t('certificate.print')}
            </button>
            <button type="button" class="secondary" onClick={() => void pdf()}>
              {t('certificate.pdf')}
            </button>
          </div>
          <iframe
            ref={frame}
            class="printable"
            title={t('certificate.frameTitle')}
            sandbox="allow-same-origin allow-modals"
            srcDoc={html}
            // The whole page, QR code included, without a second scroll bar.
            onLoad={(e) => {
              const f = e.currentTarget;
              const height = f.contentDocument?.documentElement.scrollHeight;
              if (height) f.style.height = `${height + 16}px`;
            }}
          />
        </>
      )}
    </Page>
  );
}
