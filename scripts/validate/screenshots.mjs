// Screenshots of every article page of a built site at desktop and phone width, in headless
// Chromium (playwright-core, as axe.mjs). Requests for the site's own absolute URLs are served
// from the built folder, so images, posters and styles show as they will once published;
// anything else is blocked. Usage: node screenshots.mjs OUT DIR.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? 'out');
const dir = resolve(process.argv[3] ?? 'screenshots');
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

function pages(d) {
  return readdirSync(d).sort().flatMap((name) => {
    const path = join(d, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith('.html') && name !== 'index.html' ? [path] : [];
  });
}

mkdirSync(dir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--font-render-hinting=none'],
});
let shots = 0;
try {
  for (const file of pages(root)) {
    const name = file.slice(root.length + 1).replace(/\.html$/, '').replaceAll('/', '-');
    for (const [device, viewport] of Object.entries(WIDTHS)) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'file:') return route.continue();
        const local = join(root, decodeURIComponent(url.pathname));
        if (local.startsWith(root) && existsSync(local) && statSync(local).isFile()) {
          return route.fulfill({ path: local });
        }
        return route.abort();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.screenshot({ path: join(dir, `${name}-${device}.png`), fullPage: true });
      shots += 1;
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots: ${shots} in ${dir}`);
