// What the preview's browser tests share: start `gazette serve` on a free port of 127.0.0.1,
// launch Debian's headless Chromium through the playwright-core that scripts/validate
// installs (as scripts/validate/axe.mjs does), wait for a page to show a text.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../validate/package.json', import.meta.url));
const { chromium } = require('playwright-core');

/** Start `gazette -C project serve --port 0`; resolves once its first build is served. */
export function startServe(gazette, project) {
  const child = spawn(gazette, ['-C', project, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const builds = [];
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`gazette serve exited with ${code}`)));
    lines.on('line', (line) => {
      const built = /^built in (\d+) ms: (.*)$/.exec(line);
      if (built) builds.push({ ms: Number(built[1]), what: built[2] });
      const serving = /^serving (\S+)\/ /.exec(line);
      if (serving) resolve({ url: serving[1], builds, stop: () => child.kill() });
    });
  });
}

/** Wait until the server has told of more than `count` builds; returns the last one. */
export async function waitForBuild(serve, count, timeout = 10000) {
  const deadline = performance.now() + timeout;
  while (serve.builds.length <= count) {
    if (performance.now() > deadline) throw new Error('no build was told of');
    await new Promise((r) => setTimeout(r, 5));
  }
  return serve.builds[serve.builds.length - 1];
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Wait (`timeout` ms at most) until `selector` in `page` shows `text`, across the reloads
 * the preview makes. */
export async function waitForText(page, selector, text, timeout = 10000) {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout });
}

/** Replace the value of message `id` in the Fluent file `path`. */
export function setMessage(path, id, value) {
  const text = readFileSync(path, 'utf8');
  const line = new RegExp(`^${id} = .*$`, 'm');
  if (!line.test(text)) throw new Error(`${path}: no message ${id}`);
  writeFileSync(path, text.replace(line, `${id} = ${value}`));
}
