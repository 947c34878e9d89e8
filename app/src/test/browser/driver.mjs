// Drives Debian's chromium (/usr/bin/chromium, never a downloaded browser) with playwright-core for the
// Java system tests (DashboardIT): one JSON command per line on stdin, one JSON answer per line on stdout.
//
//   {"op":"open","url":"http://...","colorScheme":"dark","width":1400,"height":1000}
//   {"op":"waitFor","js":"window.__earshot.beats.length >= 8","timeoutMs":30000}
//   {"op":"eval","js":"document.title"}
//   {"op":"click","selector":"button[data-control='0/bypass']"}
//   {"op":"screenshot","path":"/tmp/x.png","fullPage":false}
//   {"op":"problems"}        console errors, page errors and requests that left the machine, since open
//   {"op":"close"}
//
// Answers: {"ok":true,"value":...} or {"ok":false,"error":"..."}.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const executablePath = process.env.EARSHOT_CHROMIUM || '/usr/bin/chromium';
let browser = null;
let page = null;
const problems = [];

async function open(cmd) {
  if (!browser) {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      // the flags that work on this kind of machine: no sandbox as root, no GPU, and nothing that phones home
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  }
  if (page) {
    await page.close();
  }
  problems.length = 0;
  const context = await browser.newContext({
    viewport: { width: cmd.width || 1400, height: cmd.height || 1000 },
    colorScheme: cmd.colorScheme || 'light',
    deviceScaleFactor: cmd.scale || 1,
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') {
      problems.push('console error: ' + m.text());
    }
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e));
  page.on('request', (r) => {
    const u = new URL(r.url());
    const local = u.protocol === 'file:' || u.protocol === 'data:' || u.protocol === 'blob:'
      || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    if (!local) {
      problems.push('request to another host: ' + r.url());
    }
  });
  page.on('requestfailed', (r) => problems.push('request failed: ' + r.url() + ' ' + (r.failure() || {}).errorText));
  await page.goto(cmd.url, { waitUntil: 'load' });
  return page.url();
}

async function run(cmd) {
  switch (cmd.op) {
    case 'open':
      return open(cmd);
    case 'waitFor': {
      // polled from here: waitForFunction would compile the text in the page, which its CSP forbids
      const deadline = Date.now() + (cmd.timeoutMs || 30000);
      let last;
      while (Date.now() < deadline) {
        last = await page.evaluate(cmd.js);
        if (last) {
          return last;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('timed out after ' + (cmd.timeoutMs || 30000) + ' ms waiting for ' + cmd.js + ' (last: '
        + JSON.stringify(last) + ')');
    }
    case 'eval':
      return page.evaluate(cmd.js);
    case 'click':
      await page.click(cmd.selector, { timeout: cmd.timeoutMs || 10000 });
      return true;
    case 'screenshot':
      await page.screenshot({ path: cmd.path, fullPage: !!cmd.fullPage });
      return cmd.path;
    case 'problems':
      return problems.slice();
    case 'close':
      if (browser) {
        await browser.close();
        browser = null;
      }
      return true;
    default:
      throw new Error('unknown op ' + cmd.op);
  }
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) {
    continue;
  }
  let answer;
  try {
    const cmd = JSON.parse(line);
    answer = { ok: true, value: await run(cmd) };
    if (cmd.op === 'close') {
      process.stdout.write(JSON.stringify(answer) + '\n');
      break;
    }
  } catch (e) {
    answer = { ok: false, error: String(e && e.message ? e.message : e).split('\n').slice(0, 6).join('\n') };
  }
  process.stdout.write(JSON.stringify(answer === undefined ? { ok: true } : answer) + '\n');
}
if (browser) {
  await browser.close();
}
