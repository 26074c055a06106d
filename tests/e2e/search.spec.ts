// Search through the UI: a person added through the forms is found with a highlighted snippet;
// the kind and case filters narrow the results; results open from the keyboard.
// (Notes are found in the records journey, tests/e2e/records.spec.ts.)
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVaultThroughUi } from './journeys';

async function expectNoSeriousAxe(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${where}`).toEqual([]);
}

test('search finds a person with a highlighted snippet, and filters narrow the results', async ({ page, snap }) => {
  test.setTimeout(120_000);
  await createVaultThroughUi(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Full name').fill('Bethany Marsh');
  await page.getByLabel('Preferred name').fill('Beth');
  await page.getByRole('checkbox', { name: 'Drawing and art' }).check();
  await page.getByLabel('How they communicate best').fill('Draws what she cannot say; likes to sit side by side rather than face to face.');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: 'Bethany Marsh', level: 2 })).toBeVisible();

  // A case about her, so that there are two kinds of result to narrow between.
  const personId = page.url().split('/people/')[1]!;
  await page.evaluate(async (id) => {
    const created = await window.hearth.createCase({
      title: 'Marsh – viability assessment', workType: 'viability_kinship', status: 'active', personIds: [id], instructingParty: '', instructingReference: '',
      court: '', caseNumber: '', instructionReceived: null, letterOfInstructionDate: null, filingDeadline: null, hearings: [], questions: [], agreedHours: null, feeCapPence: null, summary: 'Kinship viability for Beth Marsh, aged nine.',
    });
    if (!created.ok) throw new Error(created.error.message);
  }, personId);

  // Ctrl + K opens search from anywhere, with the box ready to type into.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('heading', { name: 'Search', level: 2 })).toBeVisible();
  const box = page.getByLabel('Search your records');
  await expect(box).toBeFocused();
  await expect(page.getByText('Type a word, a phrase or a name')).toBeVisible();
  await snap('search-01-empty');
  await expectNoSeriousAxe(page, 'search page, before typing');

  await page.keyboard.type('Marsh');
  const results = page.getByRole('list', { name: 'Search results' });
  const personResult = results.getByRole('link', { name: /Person.*Bethany Marsh/ });
  const caseResult = results.getByRole('link', { name: /Case.*Marsh – viability assessment/ });
  await expect(personResult).toBeVisible();
  await expect(caseResult).toBeVisible();
  await expect(personResult.locator('mark').first()).toHaveText(/marsh/i);
  await snap('search-02-results');
  await expectNoSeriousAxe(page, 'search results');

  // Kind filter: only people.
  await page.getByRole('group', { name: 'Show only' }).getByText('People').click();
  await expect(personResult).toBeVisible();
  await expect(caseResult).toBeHidden();
  await expect(page).toHaveURL(/kinds=person/);
  // Cases instead.
  await page.getByRole('group', { name: 'Show only' }).getByText('People').click();
  await page.getByRole('group', { name: 'Show only' }).getByText('Cases').click();
  await expect(caseResult).toBeVisible();
  await expect(personResult).toBeHidden();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(personResult).toBeVisible();
  await expect(caseResult).toBeVisible();

  // Note type applies to notes only: there are none, so it says so calmly.
  await page.getByRole('combobox', { name: 'Note type' }).click();
  await page.getByRole('option', { name: 'Home visit' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('No matches for “Marsh” with these filters.')).toBeVisible();
  await snap('search-03-no-matches');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(personResult).toBeVisible();

  // A back-to-front date range is pointed out rather than searched.
  await page.getByLabel('From', { exact: true }).fill('2026-03-02');
  await page.getByLabel('To', { exact: true }).fill('2026-03-01');
  await expect(page.getByText('The end date cannot be before the start date.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();

  // Keyboard: Down from the box into the results, Enter opens one; Back returns to the search.
  await box.click();
  await page.keyboard.press('ArrowDown');
  await expect(results.getByRole('link').first()).toBeFocused();
  const firstName = await results.getByRole('link').first().textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toContainText(firstName?.includes('Person') ? 'Bethany Marsh' : 'Marsh – viability assessment');
  await page.goBack();
  await expect(page.getByLabel('Search your records')).toHaveValue('Marsh');
  await expect(personResult).toBeVisible();

  await page.getByLabel('Search your records').fill('nothing like this anywhere');
  await expect(page.getByText('No matches for “nothing like this anywhere”.')).toBeVisible();
});
