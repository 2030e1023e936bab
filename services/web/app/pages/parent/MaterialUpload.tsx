import { useState } from 'preact/hooks';
import { authorisedFetch } from '../../api/client.ts';
import type { ApplicationView, ItemView } from '../../api/types.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { Alert } from '../../ui/Page.tsx';

// 容缺后补: a material the item waits for, uploaded from the phone (a photo or a PDF, at most
// 5 MB; the API recognises the type by content).

const MAX_BYTES = 5 * 1024 * 1024;

export function MaterialUpload(props: {
  applicationId: string;
  item: ItemView;
  material: ItemView['materials'][number];
  readOnly: boolean;
  onView: (view: ApplicationView) => void;
}) {
  const { item, material } = props;
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `upload-${item.id}-${material.code}`;

  async function upload(e: Event) {
    e.preventDefault();
    if (!file) return setError(t('upload.choose'));
    if (file.size > MAX_BYTES) return setError(t('upload.tooLarge'));
    const body = new FormData();
    body.set('code', material.code);
    body.set('childIndex', String(item.childIndex));
    body.set('itemKey', item.itemKey);
    body.set('file', file);
    setBusy(true);
    const response = await authorisedFetch(`/api/applications/${props.applicationId}/materials`, {
      method: 'POST',
      body,
    });
    setBusy(false);
    const answer = await response.json().catch(() => ({}));
    if (response.ok) return props.onView(answer as ApplicationView);
    setError((answer as { error?: string }).error ?? String(response.status));
  }

  return (
    <form class="upload" onSubmit={(e) => void upload(e)} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('upload.title', { material: material.note })}</h4>
      <p class="hint">{t('upload.due', { date: formatDate(material.dueDate) })}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {!props.readOnly && (
        <>
          <label for={id}>{t('upload.file')}</label>
          <input
            id={id}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.currentTarget.files?.[0])}
          />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {t('upload.send')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
