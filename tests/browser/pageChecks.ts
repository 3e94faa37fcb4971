// The checks several browser tests make of a page: axe's WCAG 2.2 AA violations, written one a line
// so a failure reads plainly, and whether the page fits a small phone's screen without sideways scroll.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** A small phone's screen, the narrowest the app is made for. */
export const PHONE_SCREEN = { width: 320, height: 640 } as const;

/** How wide the page is drawn: more than the screen means it scrolls sideways. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** axe's WCAG 2.2 AA violations, one line each (rule, impact, what it means, where), to read plainly. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} — at ${violation.nodes
        .map((node) => JSON.stringify(node.target))
        .join(', ')}`,
  );
}
