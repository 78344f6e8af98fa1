import type { MouseEvent } from 'react';
import type { PortalView } from './PortalApp';

/** A real link (opens in a new tab, reads as a link) that moves within the page on a plain click. */
export function linkTo(view: PortalView, go: (v: PortalView) => void, lang: string) {
  const q = new URLSearchParams({ lang });
  if (view.kind === 'detail') q.set('p', view.id);
  if (view.kind === 'new') q.set('new', view.serviceId ?? '1');
  return {
    href: `/portale?${q.toString()}`,
    onClick: (e: MouseEvent<HTMLAnchorElement>) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
      e.preventDefault();
      go(view);
    },
  };
}
