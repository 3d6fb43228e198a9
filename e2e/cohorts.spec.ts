import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { newCredentials } from './fixtures/accounts';
import { expect, test } from './fixtures/course-test';
import { newBrowserContext, newInstructor, newSignedInLearner, userInstructorCli } from './fixtures/instructors';
import { cell, output } from './fixtures/notebook';
import { sameOrigin } from './fixtures/progress-api';

/** Creates a cohort through the API as the instructor's page does; returns its reply. */
async function createCohort(request: APIRequestContext, baseURL: string | undefined, name: string) {
  const response = await request.post('/api/cohorts', { headers: sameOrigin(baseURL), data: { name } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string; joinCode: string; joinUrl: string };
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(' ')})`)).toEqual([]);
}

test('an instructor creates a cohort and shares its link; a learner signs up through it, joins and runs a cell', async ({ browser, baseURL, courseApp }) => {
  const teacher = await newInstructor(browser, baseURL, courseApp, 'Grace');
  await teacher.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  // The header leads instructors to their cohorts.
  await teacher.page.goto('/');
  await teacher.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instructor', exact: true }).click();
  await expect(teacher.page.getByRole('heading', { name: 'Your cohorts', level: 1 })).toBeVisible();
  await expect(teacher.page.getByText('No cohorts yet')).toBeVisible();

  // Keyboard only: type the name, Enter submits.
  await teacher.page.getByLabel('Cohort name').fill('Autumn evenings');
  await teacher.page.getByLabel('Cohort name').press('Enter');
  await expect(teacher.page.getByRole('status').filter({ hasText: 'Created Autumn evenings.' })).toBeVisible();
  const card = teacher.page.getByRole('article', { name: 'Autumn evenings' });
  await expect(card).toContainText('0 learners');
  await expect(card.getByText(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/)).toBeVisible();
  await card.getByRole('button', { name: 'Copy link to join Autumn evenings' }).click();
  await expect(card.getByRole('status')).toHaveText('Join link copied');
  const joinUrl = await teacher.page.evaluate(() => navigator.clipboard.readText());
  expect(joinUrl).toMatch(new RegExp(`^${baseURL}/join/[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$`));
  await expect(card.getByRole('link', { name: joinUrl, exact: true })).toBeVisible();
  await expectAccessible(teacher.page);
  await teacher.page.screenshot({ path: `test-results${process.env.AWAITABLE_E2E_TAG ?? ''}/instructor-page.png`, fullPage: true });

  // A learner opens the link signed out, creates an account from there and comes back to join.
  const learnerContext = await newBrowserContext(browser, baseURL);
  const learner = await learnerContext.newPage();
  await learner.goto(joinUrl);
  await expect(learner.getByRole('heading', { name: 'Autumn evenings', level: 1 })).toBeVisible();
  await expect(learner.getByRole('link', { name: 'Sign in to join' })).toHaveAttribute('href', /\/account\/sign-in\?next=%2Fjoin%2F/);
  await learner.getByRole('link', { name: 'create an account' }).click();
  const ada = newCredentials('Ada');
  await learner.getByLabel('Name').fill(ada.name);
  await learner.getByLabel('Email').fill(ada.email);
  await learner.getByLabel('Password').fill(ada.password);
  await learner.getByRole('button', { name: 'Create account' }).click();
  await expect(learner).toHaveURL(joinUrl);
  await learner.screenshot({ path: `test-results${process.env.AWAITABLE_E2E_TAG ?? ''}/join-page.png`, fullPage: true });
  await expectAccessible(learner);
  await learner.getByRole('button', { name: 'Join Autumn evenings' }).click();
  await expect(learner.getByText('You are in Autumn evenings.')).toBeVisible();
  // Joining again (another tab, an old link) is harmless.
  const again = await learner.request.post('/api/cohorts/join', { headers: sameOrigin(baseURL), data: { code: joinUrl.split('/').at(-1) } });
  expect(await again.json()).toEqual({ name: 'Autumn evenings', alreadyMember: true });

  await learner.goto('/learn/notebook-basics');
  await cell(learner, 'drive-by-hand').getByRole('button', { name: 'Run cell drive-by-hand' }).click();
  await expect(output(learner, 'drive-by-hand')).toHaveText('returned 42', { timeout: 30_000 });
  await expect(cell(learner, 'drive-by-hand').getByTestId('cell-progress')).toHaveText('Run 1 time, last ok');

  await teacher.page.reload();
  await expect(card).toContainText('1 learner');
  await card.getByRole('link', { name: 'Dashboard of Autumn evenings' }).click();
  await expect(teacher.page).toHaveURL(/\/instructor\/cohorts\/[^/]+$/);
  await expect(teacher.page.getByText(ada.name).first()).toBeVisible();
  await Promise.all([teacher.context.close(), learnerContext.close()]);
});

test("only a cohort's instructors reach it: learners and other instructors get 404", async ({ browser, baseURL, courseApp }) => {
  const [grace, alan] = [await newInstructor(browser, baseURL, courseApp, 'Grace'), await newInstructor(browser, baseURL, courseApp, 'Alan')];
  const a = await createCohort(grace.page.request, baseURL, 'Cohort A');
  const b = await createCohort(alan.page.request, baseURL, 'Cohort B');
  const bob = await newSignedInLearner(browser, baseURL, 'Bob');
  const joined = await bob.page.request.post('/api/cohorts/join', { headers: sameOrigin(baseURL), data: { code: a.joinCode } });
  expect(joined.status()).toBe(200);

  // A learner, even a member of A: no instructor link, no instructor pages, no dashboards, no exports.
  expect(await (await bob.page.request.get('/api/cohorts/role')).json()).toEqual({ instructor: false });
  await bob.page.goto('/');
  await bob.page.waitForLoadState('networkidle'); // the header has asked for the role
  await expect(bob.page.getByRole('link', { name: 'Instructor', exact: true })).toHaveCount(0);
  for (const path of ['/instructor', `/instructor/cohorts/${a.id}`, `/instructor/cohorts/${a.id}/export.csv`]) {
    expect((await bob.page.goto(path))?.status(), path).toBe(404);
  }
  // Alan teaches B, not A: A answers exactly like a cohort that does not exist.
  for (const path of [`/instructor/cohorts/${a.id}`, `/instructor/cohorts/${a.id}/export.csv`, '/instructor/cohorts/no-such-cohort']) {
    expect((await alan.page.goto(path))?.status(), path).toBe(404);
  }
  await alan.page.goto('/instructor');
  await expect(alan.page.getByRole('article', { name: 'Cohort B' })).toBeVisible();
  await expect(alan.page.getByRole('article', { name: 'Cohort A' })).toHaveCount(0);
  expect((await grace.page.goto(`/instructor/cohorts/${b.id}`))?.status()).toBe(404);
  expect((await grace.page.goto(`/instructor/cohorts/${a.id}`))?.status()).toBe(200);

  // Revoked through the CLI: Grace loses her cohorts' pages at once; granted again, they are back.
  expect((await userInstructorCli(courseApp, '--revoke', grace.who.email)).code).toBe(0);
  expect((await grace.page.goto('/instructor'))?.status()).toBe(404);
  expect((await grace.page.goto(`/instructor/cohorts/${a.id}`))?.status()).toBe(404);
  const unknown = await userInstructorCli(courseApp, 'nobody@example.test');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('no account has the email "nobody@example.test"');
  expect((await userInstructorCli(courseApp, grace.who.email)).code).toBe(0);
  expect((await grace.page.goto(`/instructor/cohorts/${a.id}`))?.status()).toBe(200);

  // Signed out: the instructor page asks to sign in and comes back afterwards.
  const signedOut = await newBrowserContext(browser, baseURL);
  const page = await signedOut.newPage();
  await page.goto('/instructor');
  await expect(page).toHaveURL(/\/account\/sign-in\?next=%2Finstructor$/);
  await page.getByLabel('Email').fill(grace.who.email);
  await page.getByLabel('Password').fill(grace.who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/instructor$/);
  await expect(page.getByRole('article', { name: 'Cohort A' })).toBeVisible();
  // An unknown join code says so, with a 404.
  expect((await page.goto('/join/ZZZZ-ZZZZ'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No cohort has this join code' })).toBeVisible();
  // A `next` that would leave the site is ignored: My progress instead.
  await page.goto('/account/sign-in?next=//evil.test/x');
  await page.getByLabel('Email').fill(grace.who.email);
  await page.getByLabel('Password').fill(grace.who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${baseURL}/progress`);
  await Promise.all([grace.context.close(), alan.context.close(), bob.context.close(), signedOut.close()]);
});

test('the cohort API refuses learners (403), bad payloads (400 naming the field), signed-out and cross-site posts', async ({ browser, baseURL, courseApp, request }) => {
  const bob = await newSignedInLearner(browser, baseURL, 'Bob');
  const asLearner = await bob.page.request.post('/api/cohorts', { headers: sameOrigin(baseURL), data: { name: 'Mine' } });
  expect(asLearner.status()).toBe(403);
  expect(await asLearner.json()).toEqual({ error: 'only instructors can create cohorts' });
  // Naming a role to the account API grants nothing: not when updating, not when signing up.
  await bob.page.request.post('/api/auth/update-user', { headers: sameOrigin(baseURL), data: { name: 'Bob', role: 'instructor' } });
  expect((await bob.page.request.post('/api/cohorts', { headers: sameOrigin(baseURL), data: { name: 'Mine' } })).status()).toBe(403);
  const mallory = await newBrowserContext(browser, baseURL);
  const signedUp = await mallory.request.post('/api/auth/sign-up/email', {
    headers: { ...sameOrigin(baseURL), 'x-forwarded-for': '198.51.100.251' },
    data: { ...newCredentials('Mallory'), role: 'instructor' },
  });
  expect(signedUp.ok()).toBe(true);
  expect((await mallory.request.post('/api/cohorts', { headers: sameOrigin(baseURL), data: { name: 'Mine' } })).status()).toBe(403);
  expect(await (await mallory.request.get('/api/cohorts/role')).json()).toEqual({ instructor: false });

  const grace = await newInstructor(browser, baseURL, courseApp, 'Grace');
  const post = (path: string, data: unknown, headers: Record<string, string> = sameOrigin(baseURL)) =>
    grace.page.request.post(path, { headers, data });
  for (const [data, message] of [
    [{ name: '   ' }, 'name: must not be empty'],
    [{}, 'name: must be a string'],
    [{ name: 'x'.repeat(81) }, 'name: must be at most 80 characters'],
    [{ name: 'A', createdById: 'someone' }, 'createdById'],
  ] as const) {
    const response = await post('/api/cohorts', data);
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect((await response.json()).error).toContain(message);
  }
  expect((await post('/api/cohorts', Buffer.from('{not json'))).status()).toBe(400);
  const badCode = await post('/api/cohorts/join', { code: 'nope' });
  expect(badCode.status()).toBe(400);
  expect((await badCode.json()).error).toMatch(/^code: /);
  const unknownCode = await post('/api/cohorts/join', { code: 'ZZZZ-ZZZZ' });
  expect(unknownCode.status()).toBe(404);
  expect((await unknownCode.json()).error).toBe('code: no cohort has the join code "ZZZZ-ZZZZ"');

  // Cross-site: another origin, a sandboxed frame (Origin: null), or a browser saying cross-site.
  for (const headers of [
    { origin: 'https://evil.example', 'content-type': 'application/json' },
    { origin: 'null', 'content-type': 'application/json' },
    { ...sameOrigin(baseURL), 'sec-fetch-site': 'cross-site' },
  ]) {
    expect((await post('/api/cohorts', { name: 'Forged' }, headers)).status(), JSON.stringify(headers)).toBe(403);
    expect((await post('/api/cohorts/join', { code: 'ZZZZ-ZZZZ' }, headers)).status(), JSON.stringify(headers)).toBe(403);
  }
  await grace.page.goto('/instructor');
  await expect(grace.page.getByText('No cohorts yet')).toBeVisible();
  // Signed out: 401.
  expect((await request.post('/api/cohorts', { headers: sameOrigin(baseURL), data: { name: 'A' } })).status()).toBe(401);
  expect((await request.post('/api/cohorts/join', { headers: sameOrigin(baseURL), data: { code: 'ZZZZ-ZZZZ' } })).status()).toBe(401);
  expect(await (await grace.page.request.get('/api/cohorts/role')).json()).toEqual({ instructor: true });
  await Promise.all([grace.context.close(), bob.context.close(), mallory.close()]);
});
