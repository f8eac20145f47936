import type { Page } from 'playwright-core';

/** A mid-range phone's CPU, as the issue measures: 4× slower than this machine. */
export async function throttleCpu(page: Page, rate = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
