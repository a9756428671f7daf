// The embed script on www/embed-example.html (a static article page under a
// strict CSP): marks inside <a>/<em>, links and handlers still work, the
// article's HTML otherwise unchanged; the custom element and the exported
// function. Assertions marked [layer] depend on what the layers find.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './helpers.mjs';

let srv;
let ctx;
before(async () => {
  srv = await serve();
  ctx = await launch();
});
after(async () => {
  await ctx?.close();
  await srv?.close();
});

async function example() {
  const page = await open(ctx, srv.url + 'embed-example.html', { wait: false });
  await page.waitForFunction(() => document.documentElement.dataset.newsmarkReady === '1', null, { timeout: 30000 });
  await page.waitForSelector('newsmark-article.nm-view');
  return page;
}

// The article's HTML with newsmark's marks unwrapped, and as served.
const STRIP = () => {
  const copy = document.querySelector('article.story').cloneNode(true);
  for (const m of copy.querySelectorAll('mark.nm')) m.replaceWith(...m.childNodes);
  copy.normalize();
  copy.classList.remove('nm-view', 'nm-on-light', 'nm-on-dark');
  return copy.outerHTML;
};
const SERVED = async () => {
  const html = await (await fetch(location.href)).text();
  const t = document.createElement('template');
  t.innerHTML = html.slice(html.indexOf('<article'), html.indexOf('</article>') + 10);
  return t.content.firstElementChild.outerHTML;
};

test('embed: marks appear in place, inside links and emphasis, under CSP', async () => {
  const page = await example();
  const n = await page.$$eval('article.story mark.nm', (m) => m.length);
  assert.ok(n >= 5, `${n} marks [layer]`);
  const inLink = await page.$$eval('article.story a mark.nm', (m) => m.map((x) => x.textContent));
  assert.ok(inLink.some((t) => /Karin Holm/.test(t)), 'a PERSON mark inside the link [layer]: ' + inLink);
  const inEm = await page.$$eval('article.story em mark.nm', (m) => m.map((x) => x.className + ':' + x.textContent));
  assert.ok(inEm.some((t) => /nm-s/.test(t)), 'the quote continues inside <em> [layer]: ' + inEm);
  // A quote running across <em> is split into pieces of one statement.
  const ids = await page.$$eval('article.story mark.nm-s', (m) => m.map((x) => x.dataset.id));
  assert.ok(ids.length > new Set(ids).size, 'a statement split into several pieces [layer]');
  assert.equal(await page.$$eval('.nm-legend', (l) => l.length), 2, 'one legend per highlighted element');
  assert.ok(await page.$eval('article.story mark.nm[title]', (m) => m.title.length > 0));
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('embed: the article HTML is otherwise unchanged, and links and handlers still work', async () => {
  const page = await example();
  assert.equal(await page.evaluate(STRIP), await page.evaluate(SERVED));
  // The site's own click handler on the link survives, and so does the link.
  await page.locator('#mayor-link mark.nm').first().click();
  assert.equal(await page.getAttribute('#mayor-link', 'data-clicks'), '1');
  assert.ok(page.url().endsWith('#mayor'));
  await page.locator('#bg-link').click();
  assert.ok(page.url().endsWith('#background'));
  await page.close();
});

test('embed: <newsmark-article> and the exported highlight() function', async () => {
  const page = await example();
  const custom = await page.$$eval('newsmark-article mark.nm', (m) => m.map((x) => x.className));
  assert.ok(custom.some((c) => /nm-s/.test(c)), 'quoted statement in the custom element [layer]: ' + custom);
  const res = await page.evaluate(async () => {
    const { highlight } = await import(new URL('newsmark-embed.js', location.href).href);
    const div = document.createElement('div');
    div.innerHTML = '<p>Berlin — Chancellor Olaf Brandt said on <b>Monday</b> that talks would continue.</p>';
    document.body.append(div);
    const a = await highlight(div, { referenceDate: '2022-09-15', legend: false });
    return { text: a.text, marks: div.querySelectorAll('mark.nm').length, html: div.querySelector('b').outerHTML, ref: a.reference };
  });
  assert.equal(res.text, 'Berlin — Chancellor Olaf Brandt said on Monday that talks would continue.');
  assert.deepEqual(res.ref, { date: '2022-09-15', origin: 'given', span: null });
  assert.ok(res.marks >= 2, 'marks from the function [layer]');
  assert.match(res.html, /^<b>(<mark [^>]*>)?Monday(<\/mark>)?<\/b>$/);
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('embed: mark colours follow the host page background, not only the system scheme', async () => {
  const page = await ctx.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(srv.url + 'embed-example.html');
  await page.waitForFunction(() => document.documentElement.dataset.newsmarkReady === '1');
  assert.ok(await page.$eval('article.story', (a) => a.classList.contains('nm-on-dark')));
  // A site that stays light in a dark system gets the light marks.
  const res = await page.evaluate(async () => {
    const { highlight } = await import(new URL('newsmark-embed.js', location.href).href);
    const div = document.createElement('div');
    div.style.background = '#ffffff';
    div.style.color = '#111111';
    div.textContent = 'Mayor Karin Holm of Gothenburg spoke on Monday.';
    document.body.append(div);
    await highlight(div, { referenceDate: '2022-09-15', legend: false });
    const m = div.querySelector('mark.nm');
    return { cls: div.className, bg: m && getComputedStyle(m).backgroundColor };
  });
  assert.match(res.cls, /nm-on-light/);
  if (res.bg) {
    const [r, g, b] = res.bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b > 600, 'a light tint on a light page: ' + res.bg + ' [layer: needs one mark]');
  }
  await page.close();
});
