// Save-to-reload time of `gazette serve`: the first article's English page open in headless
// Chromium, its headline edited EDITS times (a different text each time); each edit is timed
// from just before the file is written to the moment the reloaded page shows the new
// headline. Prints one JSON object: every time; the part until the browser began to reload
// (`event`: the save noticed, the build, the event sent); the build time the server told of.
// Usage: node scripts/serve/bench.mjs GAZETTE PROJECT SLUG [EDITS]   (see scripts/bench-serve)
import { launchBrowser, setMessage, startServe, waitForBuild, waitForText } from './preview.mjs';
import { join } from 'node:path';

const [gazette, project, slug, edits = '10'] = process.argv.slice(2);
const ftl = join(project, 'locales/en', `${slug}.ftl`);
const serve = await startServe(gazette, project);
const browser = await launchBrowser();
const reload = [];
const event = [];
const build = [];
try {
  const page = await browser.newPage();
  await page.goto(`${serve.url}/en/${slug}.html`);
  for (let i = 1; i <= Number(edits); i += 1) {
    // Apart from one another, as saves are.
    await new Promise((r) => setTimeout(r, 300));
    // No text is part of another (nor of the baseline's): the page shows this edit's.
    const text = `Preview edit ${i} of ${edits}`;
    const builds = serve.builds.length;
    const saved = Date.now();
    const started = performance.now();
    setMessage(ftl, 'title', text);
    await waitForText(page, 'h1', text);
    reload.push(Math.round(performance.now() - started));
    event.push(Math.round((await page.evaluate(() => performance.timeOrigin)) - saved));
    build.push((await waitForBuild(serve, builds)).ms);
  }
} finally {
  await browser.close();
  serve.stop();
}
console.log(JSON.stringify({ reload, event, build }));
