import { useState } from 'preact/hooks';
import { api, authorisedFetch } from '../../api/client.ts';
import { useLoad } from '../../api/use.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { Link } from '../../ui/Link.tsx';
import { Alert } from '../../ui/Page.tsx';

// 一次性领证: every certificate of the application at once (one zip: each signed credential,
// its printable PDF and the presentation), and each one as its printable page with a QR code.

const ORDER = [
  'birth-medical-certificate',
  'household-registration-record',
  'medical-insurance-enrolment-voucher',
  'vaccination-certificate',
  'child-health-handbook',
];

/** Saves a response's body as a file, the way a download link would. */
export async function saveResponse(response: Response, fallbackName: string) {
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Certificates(props: { applicationId: string; issued: number }) {
  const { data, error } = useLoad(
    () => api.GET('/api/applications/{id}/certificates', { params: { path: { id: props.applicationId } } }),
    [props.applicationId, props.issued],
  );
  const [downloading, setDownloading] = useState(false);
  const [failed, setFailed] = useState<string>();
  async function downloadAll() {
    setDownloading(true);
    const response = await authorisedFetch(`/api/applications/${props.applicationId}/certificates/download`);
    setDownloading(false);
    if (response.ok) await saveResponse(response, `certificates-${props.applicationId}.zip`);
    else setFailed(String(response.status));
  }
  if (error || !data) return null;
  return (
    <section class="certificates" aria-labelledby="certificates-title">
      <h2 id="certificates-title">{t('certificates.title')}</h2>
      {failed && <Alert kind="error">{t('certificates.downloadFailed', { status: failed })}</Alert>}
      <p>
        <button type="button" class="primary" disabled={downloading} onClick={() => void downloadAll()}>
          {t('certificates.downloadAll', { n: data.certificates.filter((c) => c.status === 'valid').length })}
        </button>
      </p>
      <ul class="cards">
        {[...data.certificates]
          .sort(
            (a, b) =>
              a.childIndex - b.childIndex ||
              ORDER.indexOf(a.certificateType) - ORDER.indexOf(b.certificateType),
          )
          .map((c) => (
            <li key={`${c.id}-${c.version}`} class="card">
              <h3>{t(`certificate.${c.certificateType}` as Parameters<typeof t>[0])}</h3>
              <p class="muted">
                {t('certificates.childN', { n: c.childIndex + 1 })} · {formatDateTime(c.issuedAt)} ·{' '}
                {t(`certStatus.${c.status}` as Parameters<typeof t>[0])}
                {c.version > 1 && ` · v${c.version}`}
              </p>
              <p class="mono">{c.id}</p>
              <Link href={`/applications/${props.applicationId}/certificates/${encodeURIComponent(c.id)}`}>
                {t('certificates.view')}
              </Link>
            </li>
          ))}
      </ul>
    </section>
  );
}
