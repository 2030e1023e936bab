import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import type { ApplicationView } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';
import { Confirm } from '../../ui/Confirm.tsx';
import { Alert } from '../../ui/Page.tsx';

/** Withdrawal: one button, then a confirmation that says what it does. */
export function Withdraw(props: { applicationId: string; onView: (view: ApplicationView) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function confirm() {
    setBusy(true);
    const { data, error: failed } = await api.POST('/api/applications/{id}/withdraw', {
      params: { path: { id: props.applicationId } },
    });
    setBusy(false);
    setOpen(false);
    if (data) props.onView(data);
    else setError(problemOf(failed).error);
  }
  return (
    <section class="withdraw" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('withdraw.title')}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      <button type="button" class="danger" onClick={() => setOpen(true)}>
        {t('withdraw.button')}
      </button>
      <Confirm
        open={open}
        title={t('withdraw.confirmTitle')}
        confirmLabel={t('withdraw.confirm')}
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('withdraw.explain')}</p>
      </Confirm>
    </section>
  );
}
