import type { ItemStatus } from '../api/types.ts';
import { t } from '../i18n/index.ts';

/** An item's state as a word and a colour (never the colour alone). */
export function ItemBadge(props: { status: ItemStatus | string }) {
  return (
    <span class={`badge state-${props.status}`}>{t(`state.${props.status}` as Parameters<typeof t>[0])}</span>
  );
}

export function ApplicationBadge(props: { status: string }) {
  return (
    <span class={`badge app-${props.status}`}>
      {t(`appState.${props.status}` as Parameters<typeof t>[0])}
    </span>
  );
}

/** 电子监察: yellow before a deadline, red once it has passed. */
export function Flag(props: { level: 'yellow' | 'red' | null | undefined }) {
  if (!props.level) return null;
  return (
    <span class={`flag flag-${props.level}`}>{t(props.level === 'red' ? 'flag.red' : 'flag.yellow')}</span>
  );
}
