// People and parties through the UI: a person with a communication profile is added, shown,
// edited, refused deletion while in a case; a party is added, edited, linked to a case and
// refused deletion while linked. axe checks each screen.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { differenceInYears } from 'date-fns';
import { expect, test } from './fixtures';
import { createVaultThroughUi } from './journeys';

async function expectNoSeriousAxe(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${where}`).toEqual([]);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

/** A case about the person, made through the bridge: the case screens have their own journey. */
async function createCaseAbout(page: Page, personId: string, title: string): Promise<string> {
  return page.evaluate(
    async ({ personId, title }) => {
      const created = await window.hearth.createCase({
        title, workType: 'special_guardianship', status: 'active', personIds: [personId], instructingParty: '', instructingReference: '',
        court: '', caseNumber: '', instructionReceived: null, letterOfInstructionDate: null, filingDeadline: null, hearings: [], questions: [], agreedHours: null, feeCapPence: null, summary: '',
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    },
    { personId, title },
  );
}

test('a person with a communication profile: add, view, edit, refused deletion while in a case', async ({ page, snap }) => {
  test.setTimeout(120_000);
  await createVaultThroughUi(page);
  await nav(page, 'People');
  await expect(page.getByRole('heading', { name: 'People', level: 2 })).toBeVisible();
  await expect(page.getByText('No people yet.')).toBeVisible();

  await page.getByRole('link', { name: 'Add a person' }).click();
  await expect(page.getByRole('heading', { name: 'Add a person', level: 2 })).toBeVisible();
  // The contract's schema speaks inline before anything is sent.
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('Enter the person’s full name.')).toBeVisible();

  await page.getByLabel('Full name').fill('Amira Khan');
  await page.getByLabel('Preferred name').fill('Mimi');
  await page.getByLabel('Pronouns').fill('she/her');
  await page.getByLabel('Date of birth').fill('2015-03-03');
  await page.getByLabel('Phone').fill('0113 496 0000');
  await page.getByLabel('Languages').fill('Urdu (first language), some English');
  await page.getByLabel('Needs an interpreter').check();
  await page.getByRole('checkbox', { name: 'Music and sound' }).check();
  await page.getByRole('checkbox', { name: 'Movement and dance' }).check();
  await page.getByRole('checkbox', { name: 'Pictures and symbols' }).check();
  await page.getByLabel('How they communicate best').fill('Through music and movement. She hums when content and rocks when anxious; give her time to answer.');
  await page.getByLabel('What helps').fill('A quiet room, her keyboard, her grandmother nearby.');
  await page.getByLabel('What to avoid').fill('Direct questions in quick succession; loud voices.');
  await page.getByLabel('Who is important to them').fill('Nani (maternal grandmother), who she sees every Sunday. Her cat, Biscuit.');
  await snap('people-01-form');
  await expectNoSeriousAxe(page, 'person form');
  await page.getByRole('button', { name: 'Add person' }).click();

  // The view leads with their communication profile.
  await expect(page.getByRole('heading', { name: 'Amira Khan', level: 2 })).toBeVisible();
  const profile = page.getByRole('region', { name: 'How Mimi communicates' });
  await expect(profile.getByRole('heading', { name: 'How Mimi communicates', level: 3 })).toBeVisible();
  await expect(profile).toContainText('Music and sound');
  await expect(profile).toContainText('Movement and dance');
  await expect(profile).toContainText('She hums when content');
  await expect(profile).toContainText('her grandmother nearby');
  await expect(profile).toContainText('loud voices');
  const age = differenceInYears(new Date(), new Date(2015, 2, 3));
  await expect(page.getByText(`Born 3 Mar 2015 (age ${age})`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Language and access' })).toContainText('Needs an interpreter');
  await expect(page.getByRole('region', { name: 'Important people' })).toContainText('Biscuit');
  await snap('people-02-view');
  await expectNoSeriousAxe(page, 'person view');

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit Amira Khan', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Preferred name')).toHaveValue('Mimi');
  await expect(page.getByRole('checkbox', { name: 'Music and sound' })).toBeChecked();
  await page.getByLabel('What helps').fill('A quiet room, her keyboard, her grandmother nearby. Visits after school, not before.');
  await page.getByRole('checkbox', { name: 'Pictures and symbols' }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Amira Khan', level: 2 })).toBeVisible();
  await expect(profile).toContainText('Visits after school, not before.');
  await expect(profile).not.toContainText('Pictures and symbols');

  // The list shows her with British dates and her case count.
  await nav(page, 'People');
  const row = page.getByRole('link', { name: /Amira Khan/ });
  await expect(row).toContainText('Known as Mimi');
  await expect(row).toContainText('3 Mar 2015');
  await expect(row).toContainText('No cases');
  await page.getByLabel('Find a person').fill('zzz');
  await expect(page.getByText('No one matches “zzz”.')).toBeVisible();
  await page.getByLabel('Find a person').fill('Mimi');
  await expect(row).toBeVisible();
  await snap('people-03-list');
  await expectNoSeriousAxe(page, 'people list');

  // Once she is in a case, the vault refuses to delete her, and says why.
  await row.click();
  await expect(page.getByRole('heading', { name: 'Amira Khan', level: 2 })).toBeVisible();
  const personId = page.url().split('/people/')[1]!;
  const caseId = await createCaseAbout(page, personId, 'Khan – special guardianship');
  await page.reload();
  const cases = page.getByRole('region', { name: 'Cases' });
  await expect(cases.getByRole('link', { name: 'Khan – special guardianship' })).toHaveAttribute('href', `#/cases/${caseId}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Amira Khan?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByRole('alert')).not.toHaveText('');
  await snap('people-04-delete-refused');
  await dialog.getByRole('button', { name: 'Keep them' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Amira Khan', level: 2 })).toBeVisible();
});

test('a person with no cases can be deleted after confirming', async ({ page }) => {
  await createVaultThroughUi(page);
  await nav(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Full name').fill('Daniel Price');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: 'Daniel Price', level: 2 })).toBeVisible();
  await expect(page.getByText('No communication profile yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete Daniel Price?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 2 })).toBeVisible();
  await expect(page.getByText('No people yet.')).toBeVisible();
});

test('parties: add, edit, filter, link to a case, refused deletion while linked', async ({ page, snap }) => {
  test.setTimeout(120_000);
  await createVaultThroughUi(page);
  await nav(page, 'Parties');
  await expect(page.getByRole('heading', { name: 'Parties', level: 2 })).toBeVisible();
  await expect(page.getByText('Your directory is empty.')).toBeVisible();

  await page.getByRole('button', { name: 'Add a party' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add a party' });
  await dialog.getByRole('button', { name: 'Add party' }).click();
  await expect(dialog.getByText('Enter a name.')).toBeVisible();
  await dialog.getByLabel('Name').fill('Priya Shah');
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Solicitor' }).click();
  await dialog.getByLabel('Organisation').fill('Harper & Lowe Solicitors');
  await dialog.getByLabel('Email').fill('p.shah@harperlowe.example');
  await snap('parties-01-form');
  await dialog.getByRole('button', { name: 'Add party' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add a party' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a party' });
  await dialog.getByLabel('Name').fill('Tom Okafor');
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Professional' }).click();
  await dialog.getByLabel('Organisation').fill('Leeds City Council');
  await dialog.getByLabel('Job title').fill('Social worker');
  await dialog.getByRole('button', { name: 'Add party' }).click();
  await expect(dialog).toBeHidden();

  const list = page.getByRole('list', { name: 'Parties' });
  await expect(list).toContainText('Priya Shah');
  await expect(list).toContainText('Tom Okafor');

  await page.getByRole('button', { name: 'Edit Tom Okafor' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Tom Okafor' });
  await expect(dialog.getByLabel('Organisation')).toHaveValue('Leeds City Council');
  await dialog.getByLabel('Job title').fill('Allocated social worker');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(list).toContainText('Allocated social worker, Leeds City Council');

  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Solicitor' }).click();
  await expect(list).toContainText('Priya Shah');
  await expect(list).not.toContainText('Tom Okafor');
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'All kinds' }).click();
  await page.getByLabel('Find a party').fill('Leeds');
  await expect(list).toContainText('Tom Okafor');
  await expect(list).not.toContainText('Priya Shah');
  await page.getByLabel('Find a party').fill('');
  await expect(list).toContainText('Priya Shah');
  await snap('parties-02-directory');
  await expectNoSeriousAxe(page, 'parties page');

  // Link Priya to a case as instructing solicitor, and add the mother there and then.
  const caseId = await page.evaluate(async () => {
    const person = await window.hearth.createPerson({
      fullName: 'Amira Khan', preferredName: '', pronouns: '', dateOfBirth: null, phone: '', email: '', address: '', languages: '',
      interpreterNeeded: false, accessibilityNeeds: '', importantPeople: '', communication: { modes: [], bestWays: '', whatHelps: '', whatToAvoid: '' },
    });
    if (!person.ok) throw new Error(person.error.message);
    const created = await window.hearth.createCase({
      title: 'Khan – parenting assessment', workType: 'parenting_assessment', status: 'active', personIds: [person.value.id], instructingParty: '', instructingReference: '',
      court: '', caseNumber: '', instructionReceived: null, letterOfInstructionDate: null, filingDeadline: null, hearings: [], questions: [], agreedHours: null, feeCapPence: null, summary: '',
    });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  });
  await page.evaluate((id) => (location.hash = `#/cases/${id}?tab=people`), caseId);
  await page.getByRole('button', { name: 'Link a party' }).click();
  dialog = page.getByRole('dialog', { name: 'Link a party to this case' });
  await dialog.getByRole('button', { name: 'Link to this case' }).click();
  await expect(dialog.getByText('Choose someone from your directory, or add someone new.')).toBeVisible();
  await expect(dialog.getByText('Choose their role in this case.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Party' }).fill('Priya');
  await page.getByRole('option', { name: /Priya Shah/ }).click();
  await dialog.getByRole('combobox', { name: 'Role in this case' }).fill('Instructing');
  await page.getByRole('option', { name: 'Instructing solicitor' }).click();
  await snap('parties-03-link');
  await dialog.getByRole('button', { name: 'Link to this case' }).click();
  await expect(dialog).toBeHidden();
  const partiesCard = page.getByRole('region', { name: 'Parties' });
  await expect(partiesCard).toContainText('Priya Shah');
  await expect(partiesCard).toContainText('Instructing solicitor');

  await page.getByRole('button', { name: 'Link a party' }).click();
  dialog = page.getByRole('dialog', { name: 'Link a party to this case' });
  // The modal animates in; a click during the transition can be lost, so retry until the form shows.
  await expect(async () => {
    await dialog.getByText('Someone new').click();
    await expect(dialog.getByLabel('Name')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByLabel('Name').fill('Ayesha Khan');
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Family member' }).click();
  await dialog.getByRole('combobox', { name: 'Role in this case' }).fill('Mother');
  await page.getByRole('option', { name: 'Mother', exact: true }).click();
  await dialog.getByLabel('Role detail').fill('Lives with Amira');
  await dialog.getByRole('button', { name: 'Link to this case' }).click();
  await expect(dialog).toBeHidden();
  await expect(partiesCard).toContainText('Ayesha Khan');
  await expect(partiesCard).toContainText('Mother – Lives with Amira');
  await snap('parties-04-case-parties');

  // Back in the directory: linked, so deletion is refused with the vault's reason.
  await nav(page, 'Parties');
  await expect(list).toContainText('Ayesha Khan');
  await expect(list).toContainText('In 1 case');
  await page.getByRole('button', { name: 'Delete Priya Shah' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete Priya Shah?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await snap('parties-05-delete-refused');
  await dialog.getByRole('button', { name: 'Keep them' }).click();
  await expect(list).toContainText('Priya Shah');

  // Tom is in no case, so he can go.
  await page.getByRole('button', { name: 'Delete Tom Okafor' }).click();
  await page.getByRole('dialog', { name: 'Delete Tom Okafor?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(list).not.toContainText('Tom Okafor');
});
