// The checks several browser tests make of a page: axe's WCAG 2.2 AA violations, written one a line
// so a failure reads plainly, and whether the page fits a small phone's screen without sideways scroll.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** A small phone's screen, the narrowest the app is made for. */
export const PHONE_SCREEN = { width: 320, height: 640 } as const;

/** How wide the page is drawn: more than the screen means it scrolls sideways. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The WCAG 2.2 AA rules, by axe's tags. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's WCAG 2.2 AA violations, one line each (rule, impact, what it means, where), to read plainly.
 * axe is put into the page once and kept while the app moves between screens (its own history, not a
 * load), and run there with `axe.run`. @axe-core/playwright did more each time: it put axe in twice
 * and finished every run in a new blank page, about a second a check, which was most of the time of
 * the every-screen test. Our pages have no frames, which that extra work is for.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target),
    }));
  }, WCAG_TAGS);
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} — at ${violation.targets
        .map((target) => JSON.stringify(target))
        .join(', ')}`,
  );
}

/**
 * Checkboxes and radios that are not drawn as a small square the size of the others: one stretched
 * to a text box's full width, or squashed beside a long label on a narrow screen. Each as "name w×h".
 */
export function misdrawnChoices(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')]
      .map((input) => ({ input, box: input.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .filter(({ box }) => Math.abs(box.width - box.height) > 1 || box.width < 20 || box.width > 32)
      .map(
        ({ input, box }) =>
          `${input.labels?.[0]?.textContent?.trim() ?? input.id} ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}

/**
 * Where text people typed (a name in Arabic or Hebrew, say) is shown among other words without being
 * isolated from them, so the punctuation and numbers beside it are drawn in the wrong order: each as
 * "the words around it". Isolated means its nearest `<bdi>` or element with a `dir` holds that text
 * and nothing else. Option lists are left out: an option can hold no element.
 */
export function unisolatedText(
  page: Page,
  typed: readonly string[],
  /** Where stored values are shown as they are (the audit trail), each in a <bdi> of its own will do. */
  { wholeValues = false }: { wholeValues?: boolean } = {},
): Promise<string[]> {
  return page.evaluate(
    ([values, wholes]) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const value = values.find((each) => text.includes(each));
        const parent = node.parentElement;
        if (!value || !parent || parent.closest('option, select, textarea, script, style')) continue;
        const isolating = parent.closest('bdi, [dir]');
        if (isolating?.textContent?.trim() === value || (wholes && isolating?.localName === 'bdi')) continue;
        found.push(
          (parent.closest('li, p, h1, h2, h3, td, th, dd, label, a, button') ?? parent).textContent ?? text,
        );
      }
      return [...new Set(found.map((line) => line.replace(/\s+/g, ' ').trim()))];
    },
    [typed, wholeValues] as const,
  );
}

/**
 * From now on, notes what live regions say as a screen reader hears it: words arriving inside a
 * region (role status or alert, aria-live) that was already on the page, and alerts as they are added.
 * A region added together with its words is often not read out at all, so that is not counted.
 * Read what was heard with `heard`.
 */
export async function listenToLiveRegions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { heardSoFar: string[] }).heardSoFar = said;
    const live = '[role="status"], [role="alert"], [aria-live]';
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        const region = target?.closest(live);
        if (region) said.push(region.textContent?.trim() ?? '');
        for (const added of record.addedNodes)
          if (added instanceof Element && added.getAttribute('role') === 'alert')
            said.push(added.textContent?.trim() ?? '');
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** What the live regions said since `listenToLiveRegions`. */
export function heard(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { heardSoFar?: string[] }).heardSoFar ?? []);
}

/**
 * Lines broken up by a flex box: a `<bdi>` beside words inside a flex or grid container (a button, a
 * card's line) makes each its own item, which drops the spaces between them ("CallAardvark") and
 * runs the words together for a screen reader. Each as the container's text.
 */
export function splitLines(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('bdi')]
      .map((bdi) => bdi.parentElement)
      .filter((parent): parent is HTMLElement => {
        if (!parent || !/flex|grid/.test(getComputedStyle(parent).display)) return false;
        return [...parent.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
        );
      })
      .map((parent) => (parent.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}
