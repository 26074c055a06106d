// Reusable steps through the real UI, shared by the specs.
import { expect, type Page } from '@playwright/test';

export const PRACTITIONER = 'Jo Whitfield';
export const PASSPHRASE = 'heather kettle lantern orchard 42';

/** First run: name, passphrase, recovery key confirmation. Returns the recovery key shown. */
export async function createVaultThroughUi(page: Page, passphrase = PASSPHRASE, snap?: (name: string) => Promise<void>): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Set up your vault' })).toBeVisible();
  await page.getByLabel('Your name').fill(PRACTITIONER);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase').fill(passphrase);
  if (snap) await snap('vault-01-first-run');
  await page.getByRole('button', { name: 'Create my vault' }).click();
  const key = page.getByTestId('recovery-key');
  await expect(key).toBeVisible({ timeout: 20_000 });
  const recoveryKey = (await key.textContent())?.trim() ?? '';
  if (snap) await snap('vault-02-recovery-key');
  await page.getByLabel('I have stored my recovery key safely').check();
  await page.getByRole('button', { name: 'Open Hearth' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  return recoveryKey;
}

export async function unlockThroughUi(page: Page, passphrase = PASSPHRASE, expectDashboard = true): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock your records' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Unlocking returns to the screen the practitioner was on when it locked.
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible({ timeout: 20_000 });
  if (expectDashboard) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  }
}

export async function lockThroughUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your records' })).toBeVisible();
}
