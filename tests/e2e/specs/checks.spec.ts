import { EditorPage } from '../pages/editor';
import { LibraryPage } from '../pages/library';
import { ReviewPage } from '../pages/review';
import { shareLink } from '../pages/share';
import { reviewerWithOwnDraft, writeDraft } from '../support/people';
import { storedEnvelopes } from '../support/storage';
import { expect, test } from '../support/test';

const SECTIONS: Record<string, string> = {
  'Proposed Theme/Issue for the BPF':
    'Most of the next billion Internet users will read and write in languages other than English, yet many websites, email systems and forms still reject addresses and domain names in local scripts. This BPF would gather what registries, software makers, governments and communities already do to make content and identifiers work in every script, and what holds them back.',
  'Objectives/Goals of the BPF':
    '- Collect case studies of Universal Acceptance readiness from at least five regions.\n- Identify common obstacles: legacy validation code, missing fonts, input methods, policies.\n- Describe practices that helped local-language content grow.\n- Offer a short checklist that organisations can apply to their own systems.',
  'Expected Output(s)':
    'A report of about 30 pages with case studies and a one-page checklist, published before the annual meeting and kept as a living document.',
  'Outreach and Dissemination Plan/Strategy':
    'An open call for input on the IGF mailing lists and through national and regional IGF initiatives; two webinars in different time zones; a session at the annual meeting; and presentations at regional registry and developer meetings.',
  'Timeframe for the work (1-year or multi-year forecast)':
    'One year: call for input in April and May, interviews in June to August, drafting in September, public comment in October, final report at the annual meeting.',
};

test('fixing each finding makes it disappear, and the summary counts what is left', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New BPF proposal');
  const summary = editor.verdict;

  async function expectSummaryMatchesList() {
    const must = await editor.findingsOf('Must fix').count();
    await expect(summary).toHaveText(must === 0 ? 'Ready to submit' : `${must} to fix before submitting`);
  }
  await expectSummaryMatchesList();

  const titleFinding = editor.finding('Give the proposal a title');
  await expect(titleFinding).toBeVisible();
  await editor.title.fill('BPF on Multilingual Content and Universal Acceptance');
  await expect(titleFinding).toHaveCount(0);
  await expectSummaryMatchesList();

  for (const [heading, text] of Object.entries(SECTIONS)) {
    const missing = editor.finding(`Write the section “${heading}”`);
    await expect(missing).toBeVisible();
    await editor.section(heading).fill(text);
    await expect(missing).toHaveCount(0);
  }
  await expectSummaryMatchesList();

  await editor.proposerName.fill('Amina Diallo');
  await expect(editor.finding('Enter your name as the proposer')).toHaveCount(0);
  const email = editor.proposerEmail;
  await email.fill('amina@agency');
  await expect(editor.finding(/The email address “amina@agency” does not look complete/)).toBeVisible();
  await email.fill('amina@agency.example.org');
  await expect(editor.finding(/does not look complete/)).toHaveCount(0);

  const conduct = editor.finding('Confirm that the work will follow the IGF Code of Conduct');
  const conductBox = editor.codeOfConduct;
  // A checkbox sits beside its label at its own size (a text-field rule once stretched it over the card).
  const [box, label] = [await conductBox.boundingBox(), await page.getByText('This work will follow the IGF Code of Conduct').boundingBox()];
  expect(box!.width).toBeLessThan(40);
  expect(Math.abs(box!.y + box!.height / 2 - (label!.y + label!.height / 2))).toBeLessThan(8);
  await conductBox.check();
  await expect(conduct).toHaveCount(0);

  const magCount = editor.finding('A BPF needs 2 to 3 MAG members');
  await expect(magCount).toBeVisible();
  await editor.addPerson('Amina Diallo', 'Government', true);
  await expect(editor.finding(/only one person is/)).toBeVisible();
  await editor.addPerson('Rahul Mehta', 'Technical Community', true);
  await expect(magCount).toHaveCount(0);
  await editor.addPerson('Jorge Ramírez', 'Private Sector', false);
  await expectSummaryMatchesList();

  // The deadline: shown with its date once the meeting date is known; a past one must be fixed.
  const meeting = editor.meetingDate;
  await meeting.fill('2020-03-14');
  await expect(editor.finding(/The deadline, Saturday 22 February 2020 \(3 weeks before the MAG meeting on Saturday 14 March 2020\), passed/)).toBeVisible();
  await meeting.fill('2099-03-14');
  await expect(editor.finding(/passed/)).toHaveCount(0);
  await expect(editor.finding(/Send the proposal by Saturday 21 February 2099, in \d+ days/)).toBeVisible();

  await page.getByLabel('Work starts (month)').fill('2027-04');
  await page.getByLabel('Work ends (month)').fill('2027-12');
  await expect(summary).toHaveText('Ready to submit');
  await expectSummaryMatchesList();

  // Related existing work: the IoT precedent.
  await editor.title.fill('BPF on the Internet of Things');
  await expect(editor.finding(/Dynamic Coalition on the Internet of Things \(DC-IoT\)/)).toBeVisible();
  await editor.title.fill('BPF on Multilingual Content and Universal Acceptance');
  await expect(editor.finding(/DC-IoT/)).toHaveCount(0);

  await page.screenshot({ path: test.info().outputPath('checks.png'), fullPage: false });
});

test('activating a finding moves focus to its field, by mouse and by keyboard', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New WG proposal');

  await editor.finding('Enter your name as the proposer').click();
  await expect(editor.proposerName).toBeFocused();
  // Once visited, the field shows its problem beside it too.
  await expect(page.locator('#proposer-name-findings')).toContainText('Enter your name as the proposer');

  await editor.finding('Write the section “Expected Output(s)”').focus();
  await page.keyboard.press('Enter');
  await expect(editor.section('Expected Output(s)')).toBeFocused();

  await editor.finding('Confirm that the work will follow the IGF Code of Conduct').click();
  await expect(editor.codeOfConduct).toBeFocused();

  await editor.finding(/A Working Group has two MAG co-facilitators/).click();
  await expect(editor.addCoFacilitator).toBeFocused();
});

test('co-facilitators can be added, reordered and removed by keyboard, with undo', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New WG proposal');
  const add = editor.addCoFacilitator;
  // Enter on "Add co-facilitator", then the name typed at once: no wait between the two, as a
  // fast typist does. Focus moves to the new Name field; not one key may be lost on the way.
  const people = ['Sara Lindqvist', 'Tunde Bello', 'María-José Núñez', 'Zhang Wei 张伟', "Aroha O'Neill-Ngata"];
  for (const name of people) {
    await add.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(name);
  }
  const names = () => editor.personNameValues();
  await expect.poll(names).toEqual(people);
  const [sara, tunde, maria, zhang, aroha] = people;

  // Moved down by keyboard, Sara keeps the focus: on her "Move down" while she has one, on her
  // "Move up" once she is last.
  await page.getByRole('button', { name: 'Move down co-facilitator 1' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual([tunde, sara, maria, zhang, aroha]);
  await expect(page.getByRole('button', { name: 'Move down co-facilitator 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual([tunde, maria, sara, zhang, aroha]);
  await expect(page.getByRole('button', { name: 'Move down co-facilitator 3' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual([tunde, maria, zhang, sara, aroha]);
  await expect(page.getByRole('button', { name: 'Move down co-facilitator 4' })).toBeFocused();
  await page.keyboard.press('Enter');
  const moved = [tunde, maria, zhang, aroha, sara];
  await expect.poll(names).toEqual(moved);
  // Focus follows the person who moved.
  await expect(page.getByRole('button', { name: 'Move up co-facilitator 5' })).toBeFocused();

  await page.getByRole('button', { name: 'Remove co-facilitator 1' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(moved.slice(1));
  await expect(page.getByRole('status').filter({ hasText: 'Removed Tunde Bello.' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(names).toEqual(moved);

  // Everything comes back after a reload.
  await page.reload();
  await expect.poll(names).toEqual(moved);
});

test('the deadline setting changes the deadline, and bad input is explained', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await new LibraryPage(page).settings.click();
  const weeks = page.getByRole('spinbutton', { name: 'Weeks before a MAG meeting that BPF proposals are due' });
  await expect(weeks).toHaveValue('3');
  await weeks.fill('40');
  await weeks.press('Tab');
  await expect(page.getByText('“40” is not a number of weeks from 0 to 12: enter a whole number such as 3.')).toBeVisible();
  await weeks.fill('4');
  await weeks.press('Tab');
  await editor.create('New BPF proposal');
  await editor.meetingDate.fill('2099-03-14');
  await expect(editor.finding(/Send the proposal by Saturday 14 February 2099, .* \(4 weeks before the MAG meeting/)).toBeVisible();
  await page.reload();
  await expect(editor.finding(/\(4 weeks before the MAG meeting/)).toBeVisible();
});

// Deadlines are calendar days in the author's own time zone, not instants: late on the deadline
// day in Samoa (UTC-11) it is already the next day in UTC, and the proposal is still on time.
for (const [timezoneId, localTime, expected] of [
  ['Pacific/Pago_Pago', '2027-02-21T23:30:00-11:00', /Send the proposal by Sunday 21 February 2027, today/],
  ['Pacific/Kiritimati', '2027-02-22T00:30:00+14:00', /The deadline, Sunday 21 February 2027 .* passed 1 day ago/],
] as const) {
  test(`the deadline follows the author's calendar in ${timezoneId}`, async ({ browser }) => {
    const context = await browser.newContext({ timezoneId });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(localTime));
    const editor = new EditorPage(page);
    await editor.gotoStart();
    await editor.create('New BPF proposal');
    await editor.meetingDate.fill('2027-03-14');
    await expect(editor.finding(expected)).toBeVisible();
    await context.close();
  });
}

test('a tip dismissed as not applicable stays dismissed, reaches the reviewer with its reason, and comes back when restored', async ({ page, browser }) => {
  const editor = await writeDraft(page);
  const acronym = /“Expected Output\(s\)” uses MAG before spelling it out/;
  await expect(editor.finding(acronym)).toBeVisible();
  // A must-fix rule of the seed cannot be dismissed.
  await expect(editor.findingItem('Enter your name as the proposer').getByRole('button', { name: 'Not applicable' })).toHaveCount(0);

  await editor.dismiss(acronym, 'Every reader of this paper sits on the MAG');
  await expect(editor.dismissedSummary).toHaveText('Dismissed as not applicable (1)');
  await expect(editor.dismissedSummary).toBeFocused();
  await expect(editor.finding(acronym)).toHaveCount(0);
  // Stored in schema 3, which carries dismissals.
  await expect.poll(() => storedEnvelopes(page).then((all) => all.map((e) => [e.schema, e.draft.dismissed]))).toEqual([
    [3, [{ rule: 'acronym-unexplained', place: 'section:outputs', reason: 'Every reader of this paper sits on the MAG' }]],
  ]);

  // The reviewer sees what was dismissed and why, and cannot bring it back.
  const link = await shareLink(page);
  const reviewer = await reviewerWithOwnDraft(browser);
  await reviewer.page.goto(link);
  const review = new ReviewPage(reviewer.page);
  await expect(review.banner).toBeVisible();
  await expect(review.checks.getByText('Dismissed as not applicable: Every reader of this paper sits on the MAG.')).toBeVisible();
  await expect(review.checks.getByText(acronym)).toBeVisible();
  await expect(review.checks.getByRole('button', { name: 'Restore' })).toHaveCount(0);
  await reviewer.context.close();

  // Still dismissed after a reload (which reopens the draft); restored, it is back at once.
  await page.reload();
  await expect(editor.dismissedSummary).toHaveText('Dismissed as not applicable (1)');
  await expect(editor.finding(acronym)).toHaveCount(0);
  await editor.dismissedSummary.click();
  await editor.checks.getByRole('button', { name: 'Restore' }).click();
  await expect(editor.finding(acronym)).toBeVisible();
  await expect(editor.dismissedSummary).toHaveCount(0);
});

test('a new finding waits until typing pauses, and one the author fixed goes at once', async ({ page }) => {
  // The app's timers run on a clock the test moves, so "a pause" is exact, not a race.
  await page.clock.install();
  const editor = new EditorPage(page);
  await editor.gotoStart();
  await editor.create('New BPF proposal');
  const theme = editor.section('Proposed Theme/Issue for the BPF');
  const placeholder = editor.finding(/still holds placeholder text \(“TBD”\)/);
  await theme.click();
  await page.keyboard.type('Our theme is TBD');
  await page.clock.runFor(500);
  await expect(editor.finding(/Write the section “Proposed Theme\/Issue for the BPF”/)).toHaveCount(0);
  await expect(placeholder).toHaveCount(0);
  await page.clock.runFor(600);
  await expect(placeholder).toBeVisible();
  // Fixed: gone without waiting for a pause.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(placeholder).toHaveCount(0);
});
