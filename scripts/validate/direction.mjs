// The direction Chromium computes on examples/world's article pages (playwright-core, as
// axe.mjs): the Arabic and Hebrew pages right to left and the French fallback passages inside
// them left to right; the Japanese page left to right. Exit 1 on any other direction.
// Usage: node direction.mjs OUT (examples/world built with --missing fallback).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? 'out');
const PAGE = 'sommet-de-londres.html';
const EXPECTED = { ar: 'rtl', he: 'rtl', ja: 'ltr' };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
let problems = 0;
const fail = (message) => {
  problems += 1;
  console.log(message);
};
try {
  for (const [lang, expected] of Object.entries(EXPECTED)) {
    const file = join(root, lang, PAGE);
    if (!existsSync(file)) {
      fail(`${lang}/${PAGE}: missing`);
      continue;
    }
    const page = await browser.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort());
    await page.goto(pathToFileURL(file).href);
    const found = await page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).direction,
      // The fallback passages: the source language's text inside the article's body.
      fallback: [...document.querySelectorAll('main [lang="fr"]')].map(
        (el) => getComputedStyle(el).direction),
    }));
    if (found.page !== expected) fail(`${lang}/${PAGE}: page is ${found.page}, not ${expected}`);
    if (expected === 'rtl' && found.fallback.length === 0) {
      fail(`${lang}/${PAGE}: no French fallback passage in <main>`);
    }
    found.fallback.forEach((dir, i) => {
      if (dir !== 'ltr') fail(`${lang}/${PAGE}: fallback passage ${i + 1} is ${dir}, not ltr`);
    });
    console.log(`${lang}/${PAGE}: ${found.page}, ${found.fallback.length} fallback passages`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`direction: ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
