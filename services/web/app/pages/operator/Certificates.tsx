import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import { Confirm } from '../../ui/Confirm.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { Alert, Page } from '../../ui/Page.tsx';

/** Revoking a certificate is final and published in its status list: it takes a reason and a confirmation. */
export function CertificateAdmin() {
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();
  async function revoke() {
    setAsking(false);
    const { data, error } = await api.POST('/api/certificates/{id}/revoke', {
      params: { path: { id: id.trim() } },
      body: { reason: reason.trim() },
    });
    setMessage(
      data
        ? {
            kind: 'success',
            text: data.changed ? t('revoke.done', { id: data.id }) : t('revoke.already', { id: data.id }),
          }
        : { kind: 'error', text: problemOf(error).error },
    );
  }
  return (
    <Page title={t('revoke.title')} lead={t('revoke.lead')}>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <form
        class="narrow"
        onSubmit={(e) => {
          e.preventDefault();
          if (id.trim() && reason.trim()) setAsking(true);
          else setMessage({ kind: 'error', text: t('revoke.needBoth') });
        }}
      >
        <TextField
          id="certificate-id"
          label={t('revoke.id')}
          value={id}
          onValue={setId}
          spellcheck={false}
          required
        />
        <TextArea id="revoke-reason" label={t('common.reason')} value={reason} onValue={setReason} />
        <div class="actions">
          <button type="submit" class="danger">
            {t('revoke.button')}
          </button>
        </div>
      </form>
      <Confirm
        open={asking}
        title={t('revoke.confirmTitle')}
        confirmLabel={t('revoke.button')}
        danger
        onConfirm={() => void revoke()}
        onCancel={() => setAsking(false)}
      >
        <p class="mono">{id}</p>
        <p>{t('revoke.final')}</p>
      </Confirm>
    </Page>
  );
}
