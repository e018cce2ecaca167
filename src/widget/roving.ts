// Arrow keys within a group of buttons that is one Tab stop (a roving tabindex, WAI-ARIA Authoring Practices):
// left and right go to the previous and next, up and down to the nearest one in the row above or below as the
// group wraps on screen, Home and End to the first and the last.

const top = (e: HTMLElement) => Math.round(e.getBoundingClientRect().top);
const left = (e: HTMLElement) => e.getBoundingClientRect().left;

/** The button `key` leads to from `current` among `buttons` (in reading order), if any. */
export function rovingTarget(buttons: HTMLElement[], current: HTMLElement, key: string): HTMLElement | undefined {
  const i = buttons.indexOf(current);
  if (i < 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return buttons[i + 1];
    case 'ArrowLeft':
      return buttons[i - 1];
    case 'Home':
      return buttons[0];
    case 'End':
      return buttons[buttons.length - 1];
    case 'ArrowDown':
    case 'ArrowUp': {
      const down = key === 'ArrowDown';
      const own = top(current);
      const beyond = buttons.filter((b) => (down ? top(b) > own : top(b) < own));
      if (beyond.length === 0) return undefined;
      const rowTop = down ? Math.min(...beyond.map(top)) : Math.max(...beyond.map(top));
      const x = left(current);
      return beyond
        .filter((b) => top(b) === rowTop)
        .reduce((best, b) => (Math.abs(left(b) - x) < Math.abs(left(best) - x) ? b : best));
    }
    default:
      return undefined;
  }
}

/** Moves the group's one Tab stop to `target` and focuses it. */
export function moveRovingFocus(buttons: HTMLElement[], target: HTMLElement) {
  for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
  target.focus();
}
