// Checks what search engines, social networks and feed readers read of a built site, with real
// parsers: every article page's schema.org NewsArticle JSON-LD (parsed by Chromium's HTML
// parser, then expanded by jsonld.js, a JSON-LD processor: the required properties present,
// each translation linked to the original and the original to each translation), its Open
// Graph tags, and every Atom feed's entries (parsed by Chromium's XML parser).
// Usage: node metadata.mjs [--source LANG] OUT... (LANG, the source language: fr by default),
// every site checked in one browser. Exit 1 on any problem.
import { chromium } from 'playwright-core';
import jsonld from 'jsonld';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let source = 'fr';
if (args[0] === '--source') source = args.splice(0, 2)[1];
const roots = (args.length > 0 ? args : ['out']).map((r) => resolve(r));
const S = 'https://schema.org/';
const REQUIRED = ['headline', 'description', 'inLanguage', 'datePublished', 'dateModified',
  'author', 'publisher', 'image', 'mainEntityOfPage'];
const problems = [];

function files(dir, ext) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return name.endsWith(ext) ? [path] : [];
  });
}

// schema.org's context, offline: its vocabulary is all the pages use.
const documentLoader = async (url) => {
  if (url.replace(/\/$/, '') === 'https://schema.org') {
    return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': S } } };
  }
  throw new Error(`no network: ${url}`);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort());
  for (const root of roots) {
    const { articles, feeds, entries } = await check(page, root);
    console.log(`metadata: ${root}: ${articles} article pages, ${feeds} feeds, ${entries} entries`);
    failed ||= articles === 0;
  }
} finally {
  await browser.close();
}
for (const p of problems) console.log(p);
console.log(`metadata: ${problems.length} problems`);
process.exit(problems.length === 0 && !failed ? 0 : 1);

// The article pages and feeds of the site at `root`, their problems added to `problems`
// (named by their path under `root`, itself named when there are several sites).
async function check(page, root) {
  const problem = (where, what) =>
    problems.push(`${roots.length > 1 ? `${root}/` : ''}${where}: ${what}`);
  const articles = new Map(); // @id -> { file, lang, node }
  let feeds = 0;
  let entries = 0;
  for (const file of files(root, '.html')) {
    const where = file.slice(root.length + 1);
    await page.goto(pathToFileURL(file).href);
    const read = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
      meta: [...document.querySelectorAll('meta[property], meta[name]')].map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.getAttribute('content')]),
      alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.hreflang),
      lang: document.documentElement.lang,
      images: document.querySelectorAll('article img, article video[poster]').length,
    }));
    if (read.scripts.length === 0) continue; // indexes and the language picker
    if (read.scripts.length !== 1) problem(where, `${read.scripts.length} JSON-LD scripts`);
    let expanded;
    try {
      expanded = await jsonld.expand(JSON.parse(read.scripts[0]), { documentLoader });
    } catch (e) {
      problem(where, `JSON-LD does not parse: ${e.message}`);
      continue;
    }
    const node = expanded.find((n) => (n['@type'] ?? []).includes(`${S}NewsArticle`));
    if (!node) { problem(where, 'no NewsArticle'); continue; }
    // An article without any picture has no image to name.
    const required = read.images > 0 ? REQUIRED : REQUIRED.filter((p) => p !== 'image');
    for (const p of required) if (!node[S + p]?.length) problem(where, `NewsArticle lacks ${p}`);
    const lang = node[`${S}inLanguage`]?.[0]?.['@value'];
    if (lang !== read.lang) problem(where, `inLanguage ${lang}, page ${read.lang}`);
    articles.set(node['@id'], { where, lang, node });

    const meta = (key) => read.meta.filter(([k]) => k === key).map(([, v]) => v);
    const keys = ['og:title', 'og:type', 'og:url', 'og:locale', 'og:site_name', 'twitter:card'];
    for (const key of read.images > 0 ? [...keys, 'og:image'] : keys) {
      if (meta(key).length !== 1 || !meta(key)[0]) problem(where, `Open Graph: ${key} missing`);
    }
    if (meta('og:url')[0] !== node['@id']) problem(where, 'og:url is not the article');
    if (!/^[a-z]{2,3}_[A-Z]{2}$/.test(meta('og:locale')[0] ?? '')) problem(where, `og:locale ${meta('og:locale')[0]}`);
    const others = read.alternates.filter((l) => l !== read.lang).length;
    if (meta('og:locale:alternate').length !== others) problem(where, `${meta('og:locale:alternate').length} og:locale:alternate for ${others} other editions`);
  }

  // Each translation names the original, and the original each translation.
  for (const [id, { where, lang, node }] of articles) {
    if (lang === source) {
      for (const t of node[`${S}workTranslation`] ?? []) {
        const translation = articles.get(t['@id']);
        if (!translation) problem(where, `workTranslation ${t['@id']} is no page of the site`);
        else if (translation.node[`${S}translationOfWork`]?.[0]?.['@id'] !== id) problem(translation.where, 'translationOfWork does not name its original');
      }
    } else {
      const original = articles.get(node[`${S}translationOfWork`]?.[0]?.['@id']);
      if (!original || original.lang !== source) problem(where, 'translationOfWork names no original edition');
      // A pseudo-locale edition (private use, `und-x-ploc`) names its original, but no
      // published page links to it (README, Pseudo-locales).
      else if (!/-x-/.test(lang) && !(original.node[`${S}workTranslation`] ?? []).some((t) => t['@id'] === id)) problem(original.where, `workTranslation lacks ${id}`);
    }
  }

  for (const file of files(root, '.xml').filter((f) => f.endsWith('feed.xml'))) {
    feeds += 1;
    const where = file.slice(root.length + 1);
    const read = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const text = (e, sel) => e.querySelector(sel)?.textContent ?? '';
      return {
        entries: [...doc.documentElement.children].filter((e) => e.localName === 'entry').map((e) => ({
          id: text(e, 'id'), title: text(e, 'title'), published: text(e, 'published'), updated: text(e, 'updated'),
          authors: [...e.children].filter((c) => c.localName === 'author').map((a) => text(a, 'name')),
          categories: [...e.children].filter((c) => c.localName === 'category').map((c) => c.getAttribute('term')),
          content: [...e.children].filter((c) => c.localName === 'content').map((c) => [c.getAttribute('type'), c.textContent]),
        })),
      };
    }, readFileSync(file, 'utf8'));
    if (read.error) { problem(where, `not XML: ${read.error}`); continue; }
    for (const e of read.entries) {
      entries += 1;
      const at = `${where} ${e.id}`;
      if (!e.title) problem(at, 'no title');
      for (const t of [e.published, e.updated]) if (Number.isNaN(Date.parse(t))) problem(at, `time ${t}`);
      if (e.authors.length === 0 || e.authors.some((a) => !a)) problem(at, 'no author');
      if (e.categories.some((c) => !c)) problem(at, 'an empty category');
      if (e.content.length !== 1 || e.content[0][0] !== 'html' || !e.content[0][1].includes('<p')) problem(at, 'no full HTML content');
      if (!articles.has(e.id)) problem(at, 'the entry is no article page of the site');
    }
  }
  return { articles: articles.size, feeds, entries };
}
