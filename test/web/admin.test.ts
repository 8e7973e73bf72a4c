import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEngine } from '../helpers/engine.js';
import { startWebFixture, type WebFixture } from '../helpers/web.js';

const TOKEN = 'admin-token-for-tests-0123456789';
const XSS_QUESTION = 'Does it run on <img src=x onerror="alert(1)"> toasters?';

/** The login form's CSRF field and cookie, as a browser would get them. */
async function loginForm(base: string): Promise<{ csrf: string; cookie: string }> {
  const res = await fetch(`${base}/admin`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await res.text())![1]!;
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gf_login='))!.split(';')[0]!;
  return { csrf, cookie };
}

async function login(base: string, token: string, form?: { csrf: string; cookie: string }): Promise<Response> {
  const f = form ?? (await loginForm(base));
  return fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: f.cookie },
    body: new URLSearchParams({ csrf: f.csrf, token }).toString(),
  });
}

const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('gf_admin='));

describe('/admin', () => {
  let web: WebFixture;
  const seen: string[] = [];
  const read = async (res: Response) => {
    const body = await res.text();
    seen.push(body, JSON.stringify([...res.headers]));
    return body;
  };

  beforeAll(async () => {
    web = await startWebFixture(await seedEngine(), { adminToken: TOKEN });
    const where = { platform: 'slack' as const, workspace: 'T1' };
    web.core.ask(XSS_QUESTION, where);
    web.core.ask('What is the capital of Australia?', where);
    web.core.ask('what is the capital of australia', where);
    web.core.ask('How many parameters does Grok V9 Medium have?', where);
    web.core.feedback.record({ answerId: 'a1', question: 'How many parameters does Grok V9 Medium have?', helpful: false, platform: 'slack' });
  });
  afterAll(() => web.close());

  it('without a session shows only the login form: no data', async () => {
    const res = await fetch(`${web.base}/admin`);
    const body = await read(res);
    expect(res.status).toBe(200);
    expect(body).toContain('name="token"');
    expect(body).not.toMatch(/capital|toasters|Questions per day/i);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/form-action 'self'/);
  });

  it('a wrong token gets a 401 and no data; a post without the form’s CSRF token gets a 403', async () => {
    const wrong = await login(web.base, 'not-the-token-at-all-000000');
    const body = await read(wrong);
    expect(wrong.status).toBe(401);
    expect(sessionCookie(wrong)).toBeUndefined();
    expect(body).not.toMatch(/capital|toasters/i);

    const forged = await fetch(`${web.base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${TOKEN}`, redirect: 'manual' });
    expect(forged.status).toBe(403);
    expect(sessionCookie(forged)).toBeUndefined();
  });

  it('the right token opens a session cookie (HttpOnly, SameSite=Strict; not Secure over http) and the page shows the gaps, escaped', async () => {
    const res = await login(web.base, TOKEN);
    await read(res);
    expect(res.status).toBe(303);
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const page = await fetch(`${web.base}/admin`, { headers: { cookie: cookie.split(';')[0]! } });
    const body = await read(page);
    expect(body).toContain('Questions per day');
    expect((body.match(/<g class="day"/g) ?? []).length).toBe(30);
    // The two wordings of the capital question are one gap.
    expect(body).toMatch(/capital of Australia\??<\/td><td data-label="Times" class="num">2<\/td>/i);
    expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(body).not.toContain('<img');
    // The 👎 answer shows its question and the passage it cited.
    expect(body).toMatch(/<strong>How many parameters does Grok V9 Medium have\?<\/strong>[\s\S]*?<blockquote>“[^”]*1\.5/);
  });

  it('logging out needs the page’s CSRF token', async () => {
    const cookie = sessionCookie(await login(web.base, TOKEN))!.split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await read(await fetch(`${web.base}/admin`, { headers: { cookie } })))![1]!;
    const forged = await fetch(`${web.base}/admin/logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=guess', redirect: 'manual' });
    expect(forged.status).toBe(403);
    expect(await read(await fetch(`${web.base}/admin`, { headers: { cookie } }))).toContain('Questions per day');
    const out = await fetch(`${web.base}/admin/logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${csrf}`, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect(await read(await fetch(`${web.base}/admin`, { headers: { cookie } }))).not.toContain('Questions per day');
  });

  it('rate-limits failed logins: after five, even the right token waits', async () => {
    for (let i = 0; i < 4; i++) expect((await login(web.base, `wrong-${i}-xxxxxxxxxxxxxxxx`)).status).toBe(401);
    const limited = await login(web.base, TOKEN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sessionCookie(limited)).toBeUndefined();
  });

  it('an oversized form is refused without harm', async () => {
    const res = await fetch(`${web.base}/admin/login`, { method: 'POST', body: 'x'.repeat(100_000) });
    expect([413, 429]).toContain(res.status);
  });

  it('never puts the token in a page, a header or a log line', () => {
    expect(seen.length).toBeGreaterThan(5);
    for (const s of seen) expect(s).not.toContain(TOKEN);
    for (const line of web.logs) expect(line).not.toContain(TOKEN);
    expect(web.logs.join('\n')).toContain('admin login failed');
  });
});

describe('/admin under an https PUBLIC_URL', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWebFixture(await seedEngine(), { adminToken: TOKEN, publicUrl: 'https://facts.example.com' });
  });
  afterAll(() => web.close());

  it('marks its cookies Secure', async () => {
    const form = await fetch(`${web.base}/admin`);
    expect(form.headers.getSetCookie()[0]).toMatch(/; Secure/);
    const res = await login(web.base, TOKEN);
    expect(sessionCookie(res)).toMatch(/HttpOnly; SameSite=Strict; Secure/);
  });
});
