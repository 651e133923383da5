import { expect, Page, test } from '@playwright/test';
import { createRequire } from 'node:module';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

// smtp-tester has no types; the e2e server sends its mail to port E2E_PORT + 2.
const smtpTester = createRequire(__filename)('smtp-tester') as {
  init(port: number): {
    bind(handler: (address: string | null, id: number, email: RawMail) => void): void;
    stop(callback?: () => void): void;
  };
};
interface RawMail {
  receivers: Record<string, true>;
  body: string;
  data: string;
}

const SMTP_PORT = Number(process.env['E2E_PORT'] ?? 4310) + 2;

/** Runs a mail job now, as the admin would (the schedules never fire in the e2e server). */
async function runMailJob(page: Page, kind: string): Promise<void> {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const res = await page.request.post('/api/admin/mail/run', {
    data: { kind },
    headers: { 'X-XSRF-TOKEN': xsrf },
  });
  expect(res.status()).toBe(200);
}

test.describe('mail: my e-mail, the reminder links and unsubscribing', () => {
  const mails: RawMail[] = [];
  let smtp: ReturnType<typeof smtpTester.init>;

  test.beforeAll(() => {
    smtp = smtpTester.init(SMTP_PORT);
    smtp.bind((_a, _id, email) => mails.push(email));
  });
  test.afterAll(async () => {
    await new Promise<void>((resolve) => smtp.stop(() => resolve()));
  });

  test('a member chooses their mails, opens a step from the reminder, and unsubscribes in one click', async ({
    page,
    browser,
  }) => {
    await signIn(page, DEMO.team);
    await page.getByRole('link', { name: 'Mijn e-mail' }).click();
    await expect(page).toHaveURL('/instellingen');
    await expect(page).toHaveTitle('Mijn e-mail · Olievlek');
    const reminder = page.getByRole('checkbox', {
      name: 'Wekelijkse herinnering aan onze stappen',
    });
    await expect(reminder).toBeChecked();
    // Only the mail of the member's role is offered.
    await expect(page.getByRole('checkbox')).toHaveCount(1);
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalOverflow(page);
    await page.screenshot({
      path: '../../dist/test-results/mail-settings-360.png',
      fullPage: true,
    });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Off, saved, and still off after a reload.
    await reminder.uncheck();
    await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText('Je keuzes zijn opgeslagen.');
    await page.reload();
    await expect(reminder).not.toBeChecked();
    await reminder.check();
    await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText('Je keuzes zijn opgeslagen.');

    // The admin sends the weekly reminder now; it arrives over SMTP.
    const admin = await browser.newPage();
    await signIn(admin, DEMO.admin);
    await runMailJob(admin, 'team-reminder');
    await expect.poll(() => mails.filter((m) => m.receivers[DEMO.team]).length).toBe(1);
    const mail = mails.find((m) => m.receivers[DEMO.team]) as RawMail;
    const stepLink = mail.body.match(/https?:\/\/\S+\/bord\?stap=[\w-]+/)?.[0] as string;
    const unsubscribeLink = mail.body.match(/https?:\/\/\S+\/afmelden\?token=\S+/)?.[0] as string;
    expect(stepLink).toBeTruthy();
    expect(unsubscribeLink).toBeTruthy();

    // The step link opens the board at that step, focused, and ticks nothing.
    const stepId = new URL(stepLink).searchParams.get('stap') as string;
    await page.goto(new URL(stepLink).pathname + new URL(stepLink).search);
    const card = page.locator(`#step-card-${stepId}`);
    await expect(card).toBeFocused();
    await expect(card).toBeInViewport();
    const ticks = await page.request.get('/api/board');
    const agreement = (await ticks.json()).teams
      .flatMap(
        (t: { agreements: Array<{ id: string; current: { status: string } }> }) => t.agreements,
      )
      .find((a: { id: string }) => a.id === stepId);
    expect(agreement.current.status).toBe('open');
    await expectAccessible(page);

    // The unsubscribe link works without signing in: a fresh browser, no session.
    const anonymous = await browser.newContext({ locale: 'nl-NL' });
    const stranger = await anonymous.newPage();
    await stranger.goto(new URL(unsubscribeLink).pathname + new URL(unsubscribeLink).search);
    await expect(stranger).toHaveTitle('Afmelden voor e-mail · Olievlek');
    await expect(
      stranger.getByText('Wil je je afmelden voor: Wekelijkse herinnering aan onze stappen?'),
    ).toBeVisible();
    await expectAccessible(stranger);
    await stranger.screenshot({ path: '../../dist/test-results/mail-unsubscribe.png' });
    await stranger.getByRole('button', { name: 'Ja, meld me af' }).click();
    await expect(stranger.getByRole('status')).toHaveText(
      'Je bent afgemeld voor: Wekelijkse herinnering aan onze stappen. Je krijgt deze mail niet meer.',
    );
    await expectAccessible(stranger);

    // A changed link is refused with a clear message.
    const forged = new URL(unsubscribeLink);
    const token = forged.searchParams.get('token') as string;
    const i = token.length - 10;
    forged.searchParams.set(
      'token',
      `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`,
    );
    await stranger.goto(forged.pathname + forged.search);
    await expect(stranger.getByRole('alert')).toContainText('Deze afmeldlink klopt niet');
    await expectAccessible(stranger);
    await anonymous.close();

    // The member sees the choice in their settings.
    await page.goto('/instellingen');
    await expect(reminder).not.toBeChecked();
    await admin.close();
  });
});
