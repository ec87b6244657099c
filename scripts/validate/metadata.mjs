// Checks what search engines, social networks and feed readers read of a built site, with real
// parsers: every article page's schema.org NewsArticle JSON-LD (parsed by Chromium's HTML
// parser, then expanded by jsonld.js, a JSON-LD processor: the required properties present,
// each translation linked to the original and the original to each translation), its Open
// Graph tags (a raster share image with its size and alt text on every article page: social
// networks show no SVG), and every Atom feed's entries (parsed by Chromium's XML parser). One
// publisher (the same @id and name in every language, with a logo), a VideoObject with its
// required properties for each embedded video, and every page's hreflang="x-default" naming
// the language picker, which is in no one language.
// Usage: node metadata.mjs OUT SOURCE_LANG. Exit 1 on any problem.
import { chromium } from 'playwright-core';
import jsonld from 'jsonld';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? 'out');
const source = process.argv[3] ?? 'fr';
const S = 'https://schema.org/';
const VIDEO = ['name', 'description', 'thumbnailUrl', 'contentUrl', 'uploadDate'];
const REQUIRED = ['headline', 'description', 'inLanguage', 'datePublished', 'dateModified',
  'author', 'publisher', 'image', 'mainEntityOfPage'];
const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

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
const articles = new Map(); // @id -> { file, lang, node }
const publishers = new Map(); // publisher @id + name -> a page that names it
const xDefaults = new Map(); // x-default href -> a page that names it
let picker;
let feeds = 0;
let entries = 0;
try {
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort());
  for (const file of files(root, '.html')) {
    const where = file.slice(root.length + 1);
    await page.goto(pathToFileURL(file).href);
    const read = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
      meta: [...document.querySelectorAll('meta[property], meta[name]')].map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.getAttribute('content')]),
      alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.hreflang).filter((l) => l !== 'x-default'),
      xDefault: [...document.querySelectorAll('link[rel="alternate"][hreflang="x-default"]')].map((l) => l.href),
      canonical: document.querySelector('link[rel="canonical"]')?.href,
      lang: document.documentElement.lang,
      videos: document.querySelectorAll('article video').length,
    }));
    // A page of static/ (a legal notice) is the newsroom's own, with no editions to name.
    if (read.alternates.length === 0 && read.xDefault.length === 0 && where !== 'index.html') continue;
    if (read.xDefault.length !== 1) problem(where, `${read.xDefault.length} hreflang="x-default" links`);
    else if (!xDefaults.has(read.xDefault[0])) xDefaults.set(read.xDefault[0], where);
    if (where === 'index.html') {
      picker = read.canonical;
      // The language picker speaks every language: `mul`, never one edition's.
      if (read.lang !== 'mul') problem(where, `the language picker is lang="${read.lang}"`);
    }
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
    for (const p of REQUIRED) if (!node[S + p]?.length) problem(where, `NewsArticle lacks ${p}`);
    // The first image is the share image, an ImageObject with its size.
    const image = node[`${S}image`]?.[0];
    const imageSize = ['width', 'height'].map((k) => Number(image?.[S + k]?.[0]?.['@value']));
    if (!image?.['@type']?.includes(`${S}ImageObject`) || !image[`${S}url`] || !imageSize.every((n) => n > 0)) {
      problem(where, 'NewsArticle image is no ImageObject with url, width and height');
    }
    const publisher = node[`${S}publisher`]?.[0] ?? {};
    const name = publisher[`${S}name`]?.[0]?.['@value'];
    if (!publisher['@id']) problem(where, 'the publisher has no @id');
    if (!publisher[`${S}logo`]?.length) problem(where, 'the publisher has no logo');
    const key = `${publisher['@id']} ${name}`;
    if (!publishers.has(key)) publishers.set(key, where);
    const videos = node[`${S}video`] ?? [];
    if (videos.length !== read.videos) problem(where, `${videos.length} VideoObject for ${read.videos} videos`);
    for (const v of videos) {
      if (!(v['@type'] ?? []).includes(`${S}VideoObject`)) problem(where, 'a video is no VideoObject');
      for (const p of VIDEO) if (!v[S + p]?.length) problem(where, `VideoObject lacks ${p}`);
    }
    const lang = node[`${S}inLanguage`]?.[0]?.['@value'];
    if (lang !== read.lang) problem(where, `inLanguage ${lang}, page ${read.lang}`);
    articles.set(node['@id'], { where, lang, node });

    const meta = (key) => read.meta.filter(([k]) => k === key).map(([, v]) => v);
    const keys = ['og:title', 'og:type', 'og:url', 'og:locale', 'og:site_name', 'twitter:card',
      'og:image', 'og:image:width', 'og:image:height', 'og:image:alt', 'twitter:image', 'twitter:image:alt'];
    for (const key of keys) {
      if (meta(key).length !== 1 || !meta(key)[0]) problem(where, `Open Graph: ${key} missing`);
    }
    // What X, Facebook, LinkedIn and WhatsApp show: a raster picture, never an SVG.
    const shared = meta('og:image')[0] ?? '';
    if (!/\.(jpe?g|png|webp|gif)$/i.test(new URL(shared, 'https://x.invalid/').pathname)) problem(where, `og:image ${shared} is not a raster image`);
    if (meta('twitter:image')[0] !== shared) problem(where, 'twitter:image is not og:image');
    if (meta('twitter:card')[0] !== 'summary_large_image') problem(where, `twitter:card ${meta('twitter:card')[0]}`);
    for (const key of ['og:image:width', 'og:image:height']) {
      if (!(Number(meta(key)[0]) > 0)) problem(where, `${key} ${meta(key)[0]}`);
    }
    if (meta('og:url')[0] !== node['@id']) problem(where, 'og:url is not the article');
    if (!/^[a-z]{2,3}_[A-Z]{2}$/.test(meta('og:locale')[0] ?? '')) problem(where, `og:locale ${meta('og:locale')[0]}`);
    const others = read.alternates.filter((l) => l !== read.lang).length;
    if (meta('og:locale:alternate').length !== others) problem(where, `${meta('og:locale:alternate').length} og:locale:alternate for ${others} other editions`);
  }

  // One organisation publishes every edition, whatever the language.
  if (publishers.size !== 1) problem('publisher', `${publishers.size} publishers: ${[...publishers].map(([k, w]) => `${k} (${w})`).join(', ')}`);
  if (!picker) problem('index.html', 'no language picker');
  for (const [href, where] of xDefaults) if (href !== picker) problem(where, `x-default ${href} is not the language picker ${picker}`);

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
          labels: [...e.children].filter((c) => c.localName === 'category').map((c) => c.getAttribute('label')),
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
      if (e.labels.some((c) => !c)) problem(at, 'a category without its label');
      if (e.content.length !== 1 || e.content[0][0] !== 'html' || !e.content[0][1].includes('<p')) problem(at, 'no full HTML content');
      if (!articles.has(e.id)) problem(at, 'the entry is no article page of the site');
    }
  }
} finally {
  await browser.close();
}
for (const p of problems) console.log(p);
console.log(`metadata: ${articles.size} article pages, ${feeds} feeds, ${entries} entries, ${problems.length} problems`);
process.exit(problems.length === 0 && articles.size > 0 ? 0 : 1);
