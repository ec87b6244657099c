// Runs axe-core (WCAG 2 A/AA rules) on every HTML page under each folder given (`out` by
// default), in one Debian headless Chromium driven by playwright-core. Network requests other
// than the page's own files are blocked: the pages must need nothing from outside. Exit 1
// when any page has a violation.
import { chromium } from 'playwright-core';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const roots = (process.argv.length > 2 ? process.argv.slice(2) : ['out']).map((r) => resolve(r));

function pages(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let violations = 0;
const files = roots.flatMap((root) => pages(root).map((file) => ({ root, file })));
try {
  for (const { root, file } of files) {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
      const page = await browser.newPage({ viewport });
      await page.route('**/*', (route) =>
        route.request().url().startsWith('file:') ? route.continue() : route.abort());
      await page.goto(pathToFileURL(file).href);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const result = await page.evaluate(() => axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }));
      for (const v of result.violations) {
        violations += 1;
        const where = roots.length > 1 ? file : file.slice(root.length + 1);
        console.log(`${where} (${viewport.width}px): ${v.id}: ${v.help}`);
        for (const node of v.nodes) console.log(`    ${node.target.join(' ')}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`axe: ${files.length} pages, ${violations} violations`);
process.exit(violations === 0 ? 0 : 1);
