import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.ts';

/** A wide table on a narrow screen scrolls sideways; keyboard users must reach it too (WCAG 2.1.1). */
export function ScrollTable(props: { children: ComponentChildren; label?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the focus to be scrolled by keyboard
    <section class="table-wrap" tabIndex={0} aria-label={props.label ?? t('common.scrollTable')}>
      {props.children}
    </section>
  );
}
