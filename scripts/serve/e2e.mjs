// End-to-end test of `gazette serve` in headless Chromium, on a project `gazette init` makes:
// follow a link to another edition and back (links stay in the preview); edit a message and
// see the open page change; break it and see the error page with the diagnostic (file:line,
// message, help); fix it and see the page again; save a file unchanged and see the page stay
// as it is (no reload); start an article and see its untranslated German page previewed with
// the banner listing what it lacks, which passes axe's WCAG 2 A/AA rules. Exit 1 on failure.
// Usage: node scripts/serve/e2e.mjs GAZETTE   (scripts/serve-e2e installs what it needs)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launchBrowser, setMessage, startServe, waitForBuild, waitForText } from './preview.mjs';

const require = createRequire(new URL('../validate/package.json', import.meta.url));

const gazette = process.argv[2];
if (!gazette) {
  console.error('usage: node scripts/serve/e2e.mjs GAZETTE');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'gazette-serve-e2e-'));
const project = join(dir, 'site');
const ftl = join(project, 'locales/en/welcome.ftl');
execFileSync(gazette, ['init', project, '--targets', 'en,de'], { stdio: 'ignore' });

const serve = await startServe(gazette, project);
const browser = await launchBrowser();
const steps = [];
async function step(name, action, selector, text) {
  const started = performance.now();
  action();
  await waitForText(page, selector, text);
  steps.push(`${name} ${Math.round(performance.now() - started)} ms`);
}
let page;
try {
  page = await browser.newPage();
  await page.goto(`${serve.url}/en/welcome.html`);
  await waitForText(page, 'h1', 'Welcome to your newsroom');
  // Links lead to the preview: the German edition, and back.
  await page.click('a[hreflang="de"]');
  await waitForText(page, 'h1', 'Willkommen in Ihrer Redaktion');
  if (!page.url().startsWith(serve.url)) throw new Error(`a link left the preview: ${page.url()}`);
  await page.click('a[hreflang="en"]');
  await waitForText(page, 'h1', 'Welcome to your newsroom');
  await step('changed', () => setMessage(ftl, 'title', 'Welcome to the newsroom, edited'),
    'h1', 'Welcome to the newsroom, edited');
  const line = readFileSync(ftl, 'utf8').split('\n').findIndex((l) => l.startsWith('title = ')) + 1;
  await step('error page', () => setMessage(ftl, 'title', '{ $oops'),
    '#gazette-diagnostics', `--> locales/en/welcome.ftl:${line}:`);
  const shown = await page.textContent('#gazette-diagnostics');
  for (const part of ['error[syntax-error]', '= help: ']) {
    if (!shown.includes(part)) throw new Error(`the error page lacks "${part}":\n${shown}`);
  }
  await step('fixed', () => setMessage(ftl, 'title', 'Welcome back'), 'h1', 'Welcome back');
  // A save that changes nothing: built, but the page is not reloaded (it keeps a mark).
  await page.evaluate(() => { window.gazetteMark = true; });
  const builds = serve.builds.length;
  writeFileSync(ftl, readFileSync(ftl));
  const build = await waitForBuild(serve, builds);
  if (build.what !== 'nothing changed') throw new Error(`the unchanged save built: ${build.what}`);
  await new Promise((r) => setTimeout(r, 500));
  if (!(await page.evaluate(() => window.gazetteMark))) throw new Error('reloaded for nothing');
  // Unfinished work: a new article's German page, before any translation, with its banner.
  await page.goto('about:blank'); // no reload of the open page under the next navigation
  execFileSync(gazette, ['-C', project, 'new', 'budget'], { stdio: 'ignore' });
  await waitForBuild(serve, serve.builds.length);
  await page.goto(`${serve.url}/de/budget.html`);
  await waitForText(page, '.preview', 'Noch nicht übersetzt');
  await waitForText(page, '.preview li code', 'title');
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const axe = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  if (axe.violations.length) {
    throw new Error(`axe: ${axe.violations.map((v) => `${v.id}: ${v.help}`).join('; ')}`);
  }
  console.log(`serve e2e: ok (save to page: ${steps.join(', ')}; no reload for an unchanged save; `
    + 'an untranslated page previewed with its banner, axe clean)');
} catch (e) {
  console.error(`serve e2e: FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  serve.stop();
  rmSync(dir, { recursive: true, force: true });
}
