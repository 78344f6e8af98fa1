/**
 * Moving around the kiosk with a keypad (arrows, Enter, Back) or a keyboard, without walking
 * through every key of an on-screen keyboard:
 * - a group marked `data-roving` (the language buttons, the on-screen keyboards, the listen
 *   controls) is one Tab stop: only its current item has tabindex 0;
 * - Right and Left (mirrored right to left) go to the next and previous control in reading order,
 *   item by item, so every control is reachable with two keys;
 * - Down and Up go to the next and previous stop, as Tab and Shift+Tab do; inside a
 *   `data-roving="grid"` group (a keyboard) they go to the key below and above first.
 * The geometry is pure (unit-tested); the rest reads the DOM.
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * In a grid of keys, the one right below (or above) `from`: the nearest row in that direction,
 * then the key whose centre is closest horizontally; -1 at the edge.
 */
export function keyInDirection(from: Box, boxes: Box[], down: boolean): number {
  const fromCenter = from.left + from.width / 2;
  const rows = boxes
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => (down ? b.top >= from.top + from.height / 2 : b.top + b.height <= from.top + from.height / 2));
  if (rows.length === 0) return -1;
  // The nearest row: tops within half a key of the nearest top.
  const edge = down ? Math.min(...rows.map(({ b }) => b.top)) : Math.max(...rows.map(({ b }) => b.top));
  const row = rows.filter(({ b }) => Math.abs(b.top - edge) <= Math.max(8, from.height / 2));
  let best = row[0];
  for (const c of row) {
    const d = Math.abs(c.b.left + c.b.width / 2 - fromCenter);
    if (d < Math.abs(best.b.left + best.b.width / 2 - fromCenter)) best = c;
  }
  return best.i;
}

const CONTROL = 'button, input:not([type="hidden"]), select, textarea, a[href], [role="button"], [role="switch"]';

/** A control a person can reach now: enabled, shown, not hidden from assistive technology. */
function usable(el: HTMLElement): boolean {
  if (el.matches(':disabled') || el.closest('[aria-hidden="true"], [inert]')) return false;
  if (el.getClientRects().length === 0) return false;
  // tabindex -1 keeps a control out of reach, except the items of a roving group.
  return el.tabIndex >= 0 || !!el.closest('[data-roving]');
}

/** Every reachable control in `root`, in reading (document) order. */
export function controlsIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CONTROL)).filter(usable);
}

const groupOf = (el: Element | null) => el?.closest<HTMLElement>('[data-roving]') ?? null;

/** The group's item that takes the Tab stop: the one marked current, else the first. */
function currentItem(group: HTMLElement, items: HTMLElement[]): HTMLElement | undefined {
  const mine = items.filter((i) => groupOf(i) === group);
  return mine.find((i) => i.dataset.rovingCurrent === 'true') ?? mine[0];
}

/**
 * Gives each roving group one Tab stop: `current` (when given, inside a group) becomes that
 * group's current item. Idempotent: run it after renders and on focus.
 */
export function syncRoving(root: HTMLElement, current?: HTMLElement | null): void {
  const items = controlsIn(root);
  const focusedGroup = groupOf(current ?? null);
  for (const group of root.querySelectorAll<HTMLElement>('[data-roving]')) {
    const mine = items.filter((i) => groupOf(i) === group);
    const chosen = group === focusedGroup && current && mine.includes(current) ? current : currentItem(group, items);
    for (const item of mine) {
      item.dataset.rovingCurrent = item === chosen ? 'true' : 'false';
      item.tabIndex = item === chosen ? 0 : -1;
    }
  }
}

/** Where `el` falls among `list` (document order): its index, or where it would be inserted. */
function positionOf(list: HTMLElement[], el: Element | null): { index: number; inside: boolean } {
  if (!el) return { index: -1, inside: false };
  const at = list.indexOf(el as HTMLElement);
  if (at >= 0) return { index: at, inside: true };
  // Not a control (a heading, the page): the first control after it follows it.
  const after = list.findIndex((c) => !!(el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING));
  return { index: after === -1 ? list.length : after, inside: false };
}

/** The next (or previous) control in reading order, or null at the end. */
export function stepItem(root: HTMLElement, from: Element | null, forward: boolean): HTMLElement | null {
  const list = controlsIn(root);
  const { index, inside } = positionOf(list, from);
  const target = forward ? (inside ? index + 1 : index) : index - 1;
  return list[target] ?? null;
}

/** The next (or previous) stop, as Tab would go: a roving group counts once, at its current item. */
export function stepStop(root: HTMLElement, from: Element | null, forward: boolean): HTMLElement | null {
  const list = controlsIn(root);
  const fromGroup = groupOf(from);
  const { index, inside } = positionOf(list, from);
  for (let i = forward ? (inside ? index + 1 : index) : index - 1; i >= 0 && i < list.length; i += forward ? 1 : -1) {
    const c = list[i];
    const g = groupOf(c);
    if (fromGroup && g === fromGroup) continue;
    return g ? (currentItem(g, list) ?? c) : c;
  }
  return null;
}

/** In a grid group, the key below or above; null at the group's edge (the caller leaves the group). */
export function stepInGrid(root: HTMLElement, from: HTMLElement, down: boolean): HTMLElement | null {
  const group = groupOf(from);
  if (!group || group.dataset.roving !== 'grid') return null;
  const keys = controlsIn(root).filter((c) => groupOf(c) === group && c !== from);
  const box = (e: Element): Box => {
    const r = e.getBoundingClientRect();
    return { top: r.top, left: r.left, width: r.width, height: r.height };
  };
  const i = keyInDirection(box(from), keys.map(box), down);
  return i === -1 ? null : keys[i];
}

/** A text field the citizen types into: arrows and Backspace belong to it. */
export function isEditable(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !['button', 'submit', 'reset', 'checkbox', 'radio', 'range'].includes(el.type);
}
