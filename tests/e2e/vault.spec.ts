// Vault journeys: first run, lock and unlock, wrong passphrase, recovery key, change
// passphrase, auto-lock on power events, and no plaintext left anywhere on disk.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { createVaultThroughUi, lockThroughUi, PASSPHRASE, unlockThroughUi } from './journeys';

const NEW_PASSPHRASE = 'meadow copper violin harbour 7';

test('first run, lock, unlock, change passphrase, unlock with the new one', async ({ page, snap }) => {
  await createVaultThroughUi(page, PASSPHRASE, snap);
  await expect(page.getByTestId('practitioner-name')).toHaveText('Jo Whitfield');
  await snap('vault-03-dashboard');

  await lockThroughUi(page);
  await snap('vault-04-locked');

  await page.getByLabel('Passphrase').fill('not my passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText("That passphrase doesn't match this vault.")).toBeVisible();
  await snap('vault-05-wrong-passphrase');

  await unlockThroughUi(page, PASSPHRASE);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Check vault integrity' }).click();
  await expect(page.getByText('Your vault is healthy')).toBeVisible({ timeout: 20_000 });
  const card = page.getByRole('region', { name: 'Passphrase' });
  await card.getByLabel('Current passphrase').fill(PASSPHRASE);
  await card.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await card.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
  await snap('vault-06-change-passphrase');
  await card.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Passphrase changed')).toBeVisible({ timeout: 20_000 });

  await lockThroughUi(page);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText("That passphrase doesn't match this vault.")).toBeVisible();
  await unlockThroughUi(page, NEW_PASSPHRASE);
});

test('the recovery key unlocks, and rotating it retires the old one', async ({ page, snap }) => {
  const recoveryKey = await createVaultThroughUi(page);
  await lockThroughUi(page);
  await page.getByRole('button', { name: /Use your recovery key/ }).click();
  await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
  await snap('vault-07-recovery-unlock');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible({ timeout: 20_000 });

  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Recovery key' });
  await card.getByLabel('Passphrase').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Make a new recovery key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New recovery key' });
  await expect(dialog.getByTestId('recovery-key')).toBeVisible({ timeout: 20_000 });
  const newKey = (await dialog.getByTestId('recovery-key').textContent())?.trim() ?? '';
  expect(newKey).not.toBe(recoveryKey);
  await snap('vault-08-rotated-key');
  await dialog.getByLabel('I have stored my recovery key safely').check();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await lockThroughUi(page);
  await page.getByRole('button', { name: /Use your recovery key/ }).click();
  await page.getByLabel('Recovery key').fill(recoveryKey);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText("That recovery key doesn't match this vault.")).toBeVisible();
  await page.getByLabel('Recovery key').fill(newKey);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible({ timeout: 20_000 });
});

test('the vault locks on system suspend, on screen lock and with Ctrl+L', async ({ page, app }) => {
  await createVaultThroughUi(page);
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Unlock your records' })).toBeVisible();
  await unlockThroughUi(page);
  await app.emitPowerEvent('suspend');
  await expect(page.getByRole('heading', { name: 'Unlock your records' })).toBeVisible();
  await unlockThroughUi(page);
  await app.emitPowerEvent('lock-screen');
  await expect(page.getByRole('heading', { name: 'Unlock your records' })).toBeVisible();
  const settings = await page.evaluate(() => window.hearth.getSettings({}));
  expect(settings).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

test('no plaintext of a record is left in the data directory or temp files', async ({ page, app }) => {
  const started = Date.now();
  const canary = `Canary${randomBytes(8).toString('hex')}`;
  await expect(page.getByRole('heading', { name: 'Set up your vault' })).toBeVisible();
  await page.getByLabel('Your name').fill(canary);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create my vault' }).click();
  await page.getByLabel('I have stored my recovery key safely').check({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Open Hearth' }).click();
  await expect(page.getByTestId('practitioner-name')).toHaveText(canary);
  // A person, a case and a note all carrying the canary, as a practitioner would type them.
  const stored = await page.evaluate(async (c) => {
    const rich = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: `${c} said she felt safe at home.` }] }] };
    const person = await window.hearth.createPerson({
      fullName: `${c} Person`, preferredName: '', pronouns: '', dateOfBirth: null, phone: '', email: '', address: '', languages: '', interpreterNeeded: false,
      accessibilityNeeds: '', importantPeople: '', communication: { modes: ['words'], bestWays: c, whatHelps: '', whatToAvoid: '' },
    });
    if (!person.ok) return person.error.message;
    const created = await window.hearth.createCase({
      title: `${c} case`, workType: 'other', status: 'active', personIds: [person.value.id], instructingParty: '', instructingReference: '', court: '', caseNumber: '',
      instructionReceived: null, letterOfInstructionDate: null, filingDeadline: null, hearings: [], questions: [{ text: c }], agreedHours: null, feeCapPence: null, summary: c,
    });
    if (!created.ok) return created.error.message;
    const note = await window.hearth.createNote({
      caseId: created.value.id, entryType: 'home_visit', occurredAt: new Date().toISOString(), durationMinutes: 60, place: c, present: [c],
      narrative: rich, ownVoice: rich, analysis: rich, actions: rich,
    });
    return note.ok ? 'stored' : note.error.message;
  }, canary);
  expect(stored).toBe('stored');
  await lockThroughUi(page);

  const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le'), Buffer.from(canary, 'utf16le').swap16()];
  const tempFiles: string[] = [];
  for (const file of await filesUnder(tmpdir()).catch(() => [])) {
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs >= started - 1000 && !file.startsWith(app.dataDir)) tempFiles.push(file);
  }
  const scanned = [...(await filesUnder(app.dataDir)), ...tempFiles];
  expect(scanned.some((f) => f.endsWith('vault.db'))).toBe(true);
  const hits: string[] = [];
  for (const file of scanned) {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    if (needles.some((n) => bytes.includes(n))) hits.push(file);
  }
  expect(hits).toEqual([]);
});
