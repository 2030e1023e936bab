import { useState } from 'preact/hooks';
import { api, problemOf } from '../../api/client.ts';
import { t } from '../../i18n/index.ts';
import { TextArea } from '../../ui/Field.tsx';
import { Alert } from '../../ui/Page.tsx';

// 好差评: a rating 1-5 once everything is done; a bad one (1-2) is followed up by an operator.

export function Rating(props: { applicationId: string }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<{ followUp: boolean }>();
  const [error, setError] = useState<string>();
  async function send(e: Event) {
    e.preventDefault();
    if (score === 0) return setError(t('rating.choose'));
    const { data, error: failed } = await api.POST('/api/applications/{id}/rating', {
      params: { path: { id: props.applicationId } },
      body: { score, ...(comment.trim() && { comment: comment.trim() }) },
    });
    if (data) setDone(data);
    else setError(problemOf(failed).error);
  }
  if (done)
    return <Alert kind="success">{done.followUp ? t('rating.thanksFollowUp') : t('rating.thanks')}</Alert>;
  return (
    <section class="card rating" aria-labelledby="rating-title">
      <h2 id="rating-title">{t('rating.title')}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      <form onSubmit={(e) => void send(e)}>
        <fieldset class="stars">
          <legend>{t('rating.question')}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class="option">
              <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
              <span>{t(`rating.${n}` as Parameters<typeof t>[0])}</span>
            </label>
          ))}
        </fieldset>
        <TextArea
          id="rating-comment"
          label={t('rating.comment')}
          value={comment}
          onValue={setComment}
          required={false}
        />
        <div class="actions">
          <button type="submit" class="primary">
            {t('rating.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
