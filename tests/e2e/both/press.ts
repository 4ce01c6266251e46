import type { DriverPage } from '../driver';

/**
 * Presses Tab until the control of that row has the focus (the page sees its host as the active
 * element), then Enter. Tab starts from the row: past the page's end Firefox takes the focus to its
 * own toolbar.
 */
export async function pressEnterOn(page: DriverPage, id: string): Promise<void> {
  await page.evaluate((x) => {
    const row = document.querySelector(`[data-sim-key="${x}"]`) as HTMLElement;
    row.tabIndex = -1;
    row.focus();
  }, id);
  for (let i = 0; i < 40; i++) {
    await page.press('Tab');
    if (await page.evaluate((x) => document.activeElement?.closest(`[data-sim-key="${x}"]`) != null && document.activeElement?.hasAttribute('data-quickcancel'), id)) {
      return page.press('Enter');
    }
  }
  throw new Error(`could not focus the control of ${id}`);
}
