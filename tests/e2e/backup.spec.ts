// Backups end to end: export with progress → check it → restore it on a fresh install (a new
// laptop) → the records are there. And a damaged backup is refused with nothing changed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVaultThroughUi, PASSPHRASE, unlockThroughUi } from './journeys';

async function seedRecords(page: Page) {
  await page.evaluate(async () => {
    const person = await window.hearth.createPerson({
      fullName: 'Grace Okafor', preferredName: 'Grace', pronouns: 'she/her', dateOfBirth: '2016-04-02', phone: '', email: '', address: '', languages: 'English, Igbo',
      interpreterNeeded: false, accessibilityNeeds: '', importantPeople: 'Nan (Mrs Okafor)', communication: { modes: ['words', 'art'], bestWays: 'Drawing while talking', whatHelps: '', whatToAvoid: '' },
    });
    if (!person.ok) throw new Error(person.error.message);
    const created = await window.hearth.createCase({
      title: 'Okafor – special guardianship', workType: 'special_guardianship', status: 'active', personIds: [person.value.id], instructingParty: 'Northfield Council',
      instructingReference: 'NC/SGO/114', court: '', caseNumber: '', instructionReceived: null, letterOfInstructionDate: null, filingDeadline: null, hearings: [],
      questions: [{ text: 'Is Mrs Okafor able to meet Grace’s needs until she is 18?' }], agreedHours: 30, feeCapPence: null, summary: '',
    });
    if (!created.ok) throw new Error(created.error.message);
  });
}

test('export with progress → check → restore on a new laptop → the records are there', async ({ page, app, launchFreshApp, snap }) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'hearth-usb-'));
  const backupFile = join(dir, 'hearth-backup.hearthbackup');
  try {
    await createVaultThroughUi(page);
    await seedRecords(page);
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { __progress: unknown[] }).__progress = seen;
      window.hearth.on('backupProgress', (p) => seen.push(p));
    });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await app.setNextFileChoice(backupFile);
    await page.getByRole('button', { name: 'Back up now…' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Backup saved' });
    await expect(saved).toBeVisible({ timeout: 30_000 });
    await expect(saved).toContainText('hearth-backup.hearthbackup');
    await expect(saved.getByTestId('backup-counts')).toContainText('1 case');
    const progress = await page.evaluate(() => (window as unknown as { __progress: { phase: string; done: number; total: number }[] }).__progress);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((p) => p.phase === 'writing')).toBe(true);
    await expect(page.getByTestId('last-backup')).toContainText('Last backup saved');
    await snap('backup-01-exported');

    const check = page.getByRole('region', { name: 'Check a backup' });
    await app.setNextFileChoice(backupFile);
    await check.getByRole('button', { name: 'Choose a backup file…' }).click();
    await expect(check.getByTestId('chosen-backup')).toHaveText('hearth-backup.hearthbackup');
    await check.getByLabel('Passphrase when the backup was made').fill(PASSPHRASE);
    await check.getByRole('button', { name: 'Check backup' }).click();
    await expect(check.getByText('This backup is complete and undamaged')).toBeVisible({ timeout: 30_000 });
    await snap('backup-02-checked');

    // A new laptop: a fresh install with an empty data folder.
    const fresh = await launchFreshApp();
    const p2 = fresh.page;
    await p2.getByRole('button', { name: 'Moving from another laptop? Restore from a backup' }).click();
    await fresh.setNextFileChoice(backupFile);
    await p2.getByRole('button', { name: 'Choose a backup file…' }).click();
    await p2.getByLabel('Passphrase when the backup was made').fill(PASSPHRASE);
    await p2.getByRole('button', { name: 'Restore' }).click();
    await expect(p2.getByText('Backup restored')).toBeVisible({ timeout: 30_000 });
    await p2.screenshot({ path: 'tests/e2e/screenshots/backup-03-restored.png' });
    await p2.getByRole('button', { name: 'Continue to unlock' }).click();
    await unlockThroughUi(p2);
    await p2.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await expect(p2.getByText('Okafor – special guardianship')).toBeVisible();
    await p2.getByText('Okafor – special guardianship').click();
    await expect(p2.getByTestId('loi-questions')).toContainText('Is Mrs Okafor able to meet Grace’s needs until she is 18?');
    await p2.screenshot({ path: 'tests/e2e/screenshots/backup-04-restored-case.png' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a damaged backup is refused and nothing changes', async ({ page, app }) => {
  const dir = await mkdtemp(join(tmpdir(), 'hearth-usb-'));
  const backupFile = join(dir, 'b.hearthbackup');
  try {
    await createVaultThroughUi(page);
    await seedRecords(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await app.setNextFileChoice(backupFile);
    await page.getByRole('button', { name: 'Back up now…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Backup saved' })).toBeVisible({ timeout: 30_000 });

    const bytes = await readFile(backupFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await writeFile(backupFile, bytes);

    const restore = page.getByRole('region', { name: 'Restore from a backup' });
    await app.setNextFileChoice(backupFile);
    await restore.getByRole('button', { name: 'Choose a backup file…' }).click();
    await restore.getByLabel('Passphrase when the backup was made').fill(PASSPHRASE);
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect(restore.getByRole('alert')).toContainText(/damaged|changed/i, { timeout: 30_000 });
    // Still unlocked, records intact.
    const cases = await page.evaluate(() => window.hearth.listCases({ sort: 'title' }));
    expect(cases).toMatchObject({ ok: true });
    expect(cases.ok && cases.value.cases.map((c) => c.title)).toEqual(['Okafor – special guardianship']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
