import type { Browser } from '@playwright/test';
import { newCredentials, signIn, signUp } from './fixtures/accounts';
import { cellRun, exerciseAttempt, lessonId, lessonProgress, sameOrigin, sendEvents } from './fixtures/progress-api';
import { expect, test } from './fixtures/course-test';

const newLearner = async (browser: Browser, baseURL: string | undefined) => {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
};

test('signing up keeps the anonymous progress, and it follows the learner to another browser', async ({ browser, baseURL }) => {
  const ada = newCredentials('Ada');
  const laptop = await newLearner(browser, baseURL);
  await laptop.page.goto('/');
  await sendEvents(laptop.page.request, baseURL, [cellRun('first'), cellRun('first'), exerciseAttempt('ex', true, { hintsUsed: 1 })]);

  await signUp(laptop.page, ada);
  await expect(laptop.page.getByRole('link', { name: `Account: ${ada.name}` })).toBeVisible();
  expect((await lessonProgress(laptop.page.request)).cells.first?.runs).toBe(2);

  // A second device: anonymous progress of its own, then sign in; both are kept, nothing doubled.
  const phone = await newLearner(browser, baseURL);
  await phone.page.goto('/');
  await sendEvents(phone.page.request, baseURL, [cellRun('first'), cellRun('second', { status: 'error' })]);
  await signIn(phone.page, ada);
  const merged = await lessonProgress(phone.page.request);
  expect(merged.cells.first?.runs).toBe(3);
  expect(merged.cells.second).toMatchObject({ runs: 1, lastStatus: 'error' });
  expect(merged.exercises.ex).toEqual({ attempts: 1, passed: true, hintsUsed: 1, lastErrorType: null });
  expect((await lessonProgress(laptop.page.request)).cells.second?.runs).toBe(1);

  // Signing out leaves this browser with nothing of the account's.
  await phone.page.goto('/account');
  await phone.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(phone.page).toHaveURL(/\/$/);
  await expect(phone.page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
  expect((await lessonProgress(phone.page.request)).cells).toEqual({});
  await Promise.all([laptop.context.close(), phone.context.close()]);
});

test('another learner can neither read nor change an account\'s progress', async ({ browser, baseURL }) => {
  const [ada, bob] = [newCredentials('Ada'), newCredentials('Bob')];
  const adas = await newLearner(browser, baseURL);
  await signUp(adas.page, ada);
  const run = cellRun('private');
  await sendEvents(adas.page.request, baseURL, [run]);

  const bobs = await newLearner(browser, baseURL);
  await signUp(bobs.page, bob);
  expect((await lessonProgress(bobs.page.request)).cells).toEqual({});
  // Bob replays Ada's event and names her in every way the API might listen to: all refused or his own.
  await sendEvents(bobs.page.request, baseURL, [run]);
  const forged = await bobs.page.request.post('/api/progress', {
    headers: sameOrigin(baseURL),
    data: { events: [cellRun('private', { userId: 'ada' })] },
  });
  expect(forged.status()).toBe(400);
  expect((await bobs.page.request.get(`/api/progress?lessonId=${lessonId}&userId=ada`)).ok()).toBe(true);
  expect((await lessonProgress(adas.page.request)).cells.private?.runs).toBe(1);
  expect((await lessonProgress(bobs.page.request)).cells.private?.runs).toBe(1);

  // A wrong password does not sign Bob in as Ada.
  const intruder = await newLearner(browser, baseURL);
  await intruder.page.goto('/account/sign-in');
  await intruder.page.getByLabel('Email').fill(ada.email);
  await intruder.page.getByLabel('Password').fill('not the password');
  await intruder.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(intruder.page.getByRole('alert').filter({ hasText: /invalid email or password/i })).toBeVisible();
  expect((await lessonProgress(intruder.page.request)).cells).toEqual({});
  await Promise.all([adas.context.close(), bobs.context.close(), intruder.context.close()]);
});

test('sign-up and sign-in refuse bad input, cross-site posts and floods', async ({ request, baseURL }) => {
  const who = newCredentials('Cy');
  const short = await request.post('/api/auth/sign-up/email', { headers: sameOrigin(baseURL), data: { ...who, password: 'short' } });
  expect(short.status()).toBe(400);
  expect(JSON.stringify(await short.json())).toMatch(/password/i);

  for (const origin of ['https://evil.example', 'null']) {
    const headers = { origin, 'content-type': 'application/json' };
    for (const [path, data] of [
      ['/api/auth/sign-in/email', { email: who.email, password: who.password }],
      ['/api/auth/sign-up/email', who],
      ['/api/auth/sign-out', {}],
    ] as const) {
      expect((await request.post(path, { headers, data })).status(), `${origin} ${path}`).toBe(403);
    }
  }

  // Sign-in attempts from one address are limited (shared in the database by every instance).
  const headers = { ...sameOrigin(baseURL), 'x-forwarded-for': '203.0.113.7' };
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 12; attempt += 1) {
    statuses.push((await request.post('/api/auth/sign-in/email', { headers, data: { email: who.email, password: 'wrong password!' } })).status());
  }
  expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
});
