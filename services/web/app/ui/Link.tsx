import type { ComponentChildren } from 'preact';
import { onLinkClick } from '../router.ts';

/** An in-app link: a real <a href> (works with a middle click and a screen reader), no reload. */
export function Link(props: {
  href: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
}) {
  const { href, children, ...rest } = props;
  return (
    <a href={href} onClick={(e) => onLinkClick(e as unknown as MouseEvent, href)} {...rest}>
      {children}
    </a>
  );
}
