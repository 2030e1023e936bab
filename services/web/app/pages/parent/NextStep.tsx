import type preact from 'preact';
import type { ApplicationView } from '../../api/types.ts';
import { formatDate, pick, t } from '../../i18n/index.ts';

/** What the parent must do next, in one sentence or a short list, at the top of the page. */
export function NextStep(props: { view: ApplicationView }) {
  const { view } = props;
  const rejected = view.items.filter((i) => i.status === 'rejected');
  const materials = view.items.filter((i) => i.status === 'awaiting-materials');
  let content: preact.JSX.Element;
  if (view.status === 'withdrawn') content = <p>{t('next.withdrawn')}</p>;
  else if (view.status === 'completed') content = <p>{t('next.completed')}</p>;
  else if (rejected.length === 0 && materials.length === 0) {
    content = <p>{t('next.nothing', { date: formatDate(view.dueDate) })}</p>;
  } else {
    content = (
      <ul>
        {rejected.map((i) => (
          <li key={i.id}>
            <a href={`#item-${i.id}`}>{t('next.correct', { item: pick(i.name), child: i.childName })}</a>
          </li>
        ))}
        {materials.map((i) => (
          <li key={i.id}>
            <a href={`#item-${i.id}`}>{t('next.supply', { item: pick(i.name), child: i.childName })}</a>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section class="next-step" aria-labelledby="next-step-title">
      <h2 id="next-step-title">{t('next.title')}</h2>
      {content}
    </section>
  );
}
