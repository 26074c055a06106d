// The practitioner's daily journey: person → case with letter-of-instruction questions and a
// filing deadline → note with own voice and analysis → finalise → amend → search → dashboard.
// And: a draft being typed survives an auto-lock.
import AxeBuilder from '@axe-core/playwright';
import { addDays, format } from 'date-fns';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVaultThroughUi, unlockThroughUi } from './journeys';

const Q1 = 'What are the parenting capacities of Ms Ayesha Khan, with particular regard to her ability to meet Amira’s emotional needs?';
const Q2 = 'Is Amira able to express her wishes and feelings about where she lives, and if so, by what means?';

async function expectNoSeriousAxe(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${where}`).toEqual([]);
}

async function typeInto(page: Page, testId: string, text: string) {
  const box = page.getByTestId(testId);
  await box.click();
  await page.keyboard.type(text);
}

async function createPerson(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Full name').fill('Amira Khan');
  await page.getByLabel('Preferred name').fill('Mimi');
  await page.getByRole('checkbox', { name: 'Music and sound' }).check();
  await page.getByRole('checkbox', { name: 'Movement and dance' }).check();
  await page.getByLabel('How they communicate best').fill('Through music and movement; she hums when content and rocks when anxious.');
  await page.getByLabel('What helps').fill('A quiet room, her keyboard, time to respond.');
  await page.getByLabel('What to avoid').fill('Direct questions in quick succession; loud voices.');
  await page.getByRole('button', { name: /Save|Add person|Create/ }).click();
  await expect(page.getByRole('heading', { name: 'Amira Khan' })).toBeVisible();
}

async function createCase(page: Page, deadline: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Case name', exact: true }).fill('Khan – parenting assessment');
  await page.getByRole('combobox', { name: 'The person or people concerned' }).click();
  await page.getByRole('option', { name: /Amira Khan/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Instructing party', exact: true }).fill('Harper & Lowe Solicitors');
  await page.getByRole('textbox', { name: 'Court', exact: true }).fill('Family Court at Leeds');
  await page.getByRole('textbox', { name: 'Case number', exact: true }).fill('LS26C00123');
  await page.getByRole('textbox', { name: 'Instruction received', exact: true }).fill(format(addDays(new Date(), -20), 'yyyy-MM-dd'));
  await page.getByRole('textbox', { name: 'Filing deadline', exact: true }).fill(deadline);
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('textbox', { name: 'Question 1', exact: true }).fill(Q1);
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('textbox', { name: 'Question 2', exact: true }).fill(Q2);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Khan – parenting assessment' })).toBeVisible();
}

test('person → case → note → finalise → amend → search → dashboard', async ({ page, snap }) => {
  test.setTimeout(120_000);
  await createVaultThroughUi(page);
  await createPerson(page);
  await snap('records-01-person');
  await expectNoSeriousAxe(page, 'person view');

  const deadline = format(addDays(new Date(), 5), 'yyyy-MM-dd');
  await createCase(page, deadline);
  await expect(page.getByTestId('loi-questions')).toContainText(Q1);
  await expect(page.getByTestId('loi-questions')).toContainText(Q2);
  await snap('records-02-case-overview');
  await expectNoSeriousAxe(page, 'case overview');

  await page.getByRole('button', { name: 'New note' }).click();
  await expect(page.getByText('Draft note: saved as you type')).toBeVisible();
  await page.getByRole('textbox', { name: 'Place', exact: true }).fill('Family home, Harehills');
  await typeInto(page, 'note-narrative', 'Amira was at the keyboard when I arrived. Ms Khan sat beside her and joined in.');
  await typeInto(page, 'note-ownVoice', 'Amira played a fast rising tune and smiled at her mother, then hummed it again when asked about home.');
  await typeInto(page, 'note-analysis', 'In my view the shared music suggests a warm, attuned relationship.');
  await expect(page.getByTestId('save-status')).toContainText('Draft saved', { timeout: 10_000 });
  await snap('records-03-draft-note');
  await expectNoSeriousAxe(page, 'note editor');

  await page.getByRole('button', { name: 'Finalise and sign' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Finalise and sign' }).click();
  await expect(page.getByTestId('signature')).toContainText('Jo Whitfield');
  await expect(page.getByTestId('final-ownVoice')).toContainText('fast rising tune');

  await page.getByRole('button', { name: 'Amend' }).click();
  const dialog = page.getByRole('dialog', { name: 'Amend this note' });
  await dialog.getByRole('button', { name: 'Save amendment' }).click();
  await expect(dialog.getByText('Say why you are amending this note.')).toBeVisible();
  await dialog.getByTestId('amend-text').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Her grandmother arrived at 4pm.');
  await dialog.getByLabel('Reason for the amendment').fill('Added the arrival of the grandmother, omitted in error.');
  await dialog.getByRole('button', { name: 'Save amendment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Amendment 1' })).toContainText('Added the arrival of the grandmother');
  await expect(page.getByRole('region', { name: 'Amendment 1' })).toContainText('Her grandmother arrived at 4pm.');
  // The original stays visible as signed.
  await expect(page.getByTestId('final-narrative')).toContainText('Ms Khan sat beside her and joined in.');
  await expect(page.getByTestId('final-narrative')).not.toContainText('grandmother');
  await snap('records-04-amended-note');

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('heading', { name: 'Search', level: 2 })).toBeVisible();
  await page.getByLabel('Search your records').fill('rising tune');
  const result = page.getByRole('link', { name: /Home visit/ }).first();
  await expect(result).toBeVisible();
  await expect(page.locator('mark').first()).toBeVisible();
  await snap('records-05-search');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  const dueSoon = page.getByTestId('due-soon');
  await expect(dueSoon).toContainText('Khan – parenting assessment');
  await expect(dueSoon).toContainText(format(addDays(new Date(), 5), 'd MMM yyyy'));
  await snap('records-06-dashboard');
  await expectNoSeriousAxe(page, 'dashboard');
});

test('a draft being typed survives an auto-lock', async ({ page, app }) => {
  test.setTimeout(90_000);
  await createVaultThroughUi(page);
  await page.evaluate(async () => {
    const people = await window.hearth.createPerson({
      fullName: 'Daniel Price', preferredName: '', pronouns: 'he/him', dateOfBirth: null, phone: '', email: '', address: '', languages: 'English',
      interpreterNeeded: false, accessibilityNeeds: '', importantPeople: '', communication: { modes: ['words'], bestWays: '', whatHelps: '', whatToAvoid: '' },
    });
    if (!people.ok) throw new Error(people.error.message);
    const created = await window.hearth.createCase({
      title: 'Price – capacity', workType: 'mca_capacity', status: 'active', personIds: [people.value.id], instructingParty: '', instructingReference: '',
      court: '', caseNumber: '', instructionReceived: null, letterOfInstructionDate: null, filingDeadline: null, hearings: [], questions: [], agreedHours: null, feeCapPence: null, summary: '',
    });
    if (!created.ok) throw new Error(created.error.message);
    location.hash = `#/cases/${created.value.id}`;
  });
  await page.getByRole('button', { name: 'New note' }).click();
  await typeInto(page, 'note-narrative', 'Daniel described his week in detail and chose his own lunch.');
  // Lock at once, before the autosave delay has passed: the flush before locking must save it.
  await app.emitPowerEvent('lock-screen');
  await expect(page.getByRole('heading', { name: 'Unlock your records' })).toBeVisible();
  await unlockThroughUi(page, undefined, false);
  await expect(page.getByTestId('note-narrative')).toContainText('Daniel described his week in detail and chose his own lunch.');
});
