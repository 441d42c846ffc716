#!/usr/bin/env node
// Page weight of motcua's main pages, as a phone on a slow network would pay for them.
//
//   MOTCUA_URL=http://127.0.0.1:3000 node page-weight.mjs
//
// For each page: the HTML (raw, and compressed with brotli and gzip here, since the server
// sends HTML as is), the stylesheets it links (the bytes the server really sends for
// `Accept-Encoding: br`, which are its precompressed `.br` files, and brotli computed here
// from the raw file for comparison), the number of render-blocking requests in the head,
// and the JavaScript and WebAssembly of the islands loader (the `/pkg/*.js` and `*.wasm`
// the head preloads).
//
// Budgets (the project's, see README.md): a form page must weigh at most 30 KB without
// JavaScript (HTML + CSS, brotli) and at most 150 KB on a first visit with the island
// (HTML + CSS + JS + WASM, brotli). The script exits with status 1 when a form page is
// over either budget, so it doubles as a check. Only node's built-in modules are used.
//
// Environment: MOTCUA_URL (default http://127.0.0.1:3000), MOTCUA_PROCEDURE (the procedure
// to open and start filing, default 1.001612.000.00.00.H56).

import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

const BASE = new URL(process.env.MOTCUA_URL ?? 'http://127.0.0.1:3000');
const PROCEDURE = process.env.MOTCUA_PROCEDURE ?? '1.001612.000.00.00.H56';
const BUDGET_NO_JS = 30 * 1024;
const BUDGET_WITH_WASM = 150 * 1024;

// ---------------------------------------------------------------------------------------
// HTTP without any automatic decompression, so that received sizes are the real ones.

/** @returns {Promise<{status: number, headers: http.IncomingHttpHeaders, body: Buffer, url: URL}>} */
function request(url, { method = 'GET', headers = {}, body } = {}) {
  const u = new URL(url, BASE);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      { method, headers: { 'user-agent': 'motcua-page-weight', ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), url: u }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${u}`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** GET an HTML page as a browser would (following redirects, accepting br and gzip). */
async function getPage(path) {
  let url = new URL(path, BASE);
  for (let hops = 0; hops < 5; hops++) {
    const res = await request(url, { headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } });
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      url = new URL(res.headers.location, url);
      continue;
    }
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    return { ...res, html: decode(res).toString('utf8') };
  }
  throw new Error(`too many redirects from ${path}`);
}

/** POST a form the way a browser on the same site does; returns the redirect target. */
async function postForm(path, fields) {
  const url = new URL(path, BASE);
  const body = new URLSearchParams(fields).toString();
  const res = await request(url, {
    method: 'POST',
    headers: {
      accept: 'text/html',
      origin: BASE.origin,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
    },
    body,
  });
  if (res.status !== 303 && res.status !== 302) {
    throw new Error(`POST ${url} answered ${res.status}: ${res.body.toString('utf8').slice(0, 200)}`);
  }
  return new URL(res.headers.location, url);
}

/** The body without its content encoding. */
function decode(res) {
  switch ((res.headers['content-encoding'] ?? '').toLowerCase()) {
    case 'br':
      return zlib.brotliDecompressSync(res.body);
    case 'gzip':
      return zlib.gunzipSync(res.body);
    case 'deflate':
      return zlib.inflateSync(res.body);
    default:
      return res.body;
  }
}

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// ---------------------------------------------------------------------------------------
// What a page loads.

/** Attributes of every `<tag …>` in `html`. */
function tags(html, tag) {
  const out = [];
  const re = new RegExp(`<${tag}\\b([^>]*)>`, 'gi');
  for (const m of html.matchAll(re)) {
    const attrs = {};
    for (const a of m[1].matchAll(/([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    out.push(attrs);
  }
  return out;
}

function head(html) {
  const m = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(html);
  return m ? m[1] : '';
}

const rels = (attrs) => (attrs.rel ?? '').toLowerCase().split(/\s+/);

/** Stylesheets linked anywhere in the page. */
function stylesheets(html) {
  return tags(html, 'link')
    .filter((a) => rels(a).includes('stylesheet') && a.href)
    .map((a) => a.href);
}

/** Requests that hold the first render: stylesheets in the head (unless for print only)
 * and classic scripts with a `src` and neither `async` nor `defer`. */
function renderBlocking(html) {
  const h = head(html);
  const css = tags(h, 'link').filter(
    (a) => rels(a).includes('stylesheet') && a.href && !/^\s*print\s*$/i.test(a.media ?? ''),
  );
  const js = tags(h, 'script').filter(
    (a) => a.src && !('async' in a) && !('defer' in a) && (a.type ?? '').toLowerCase() !== 'module',
  );
  return css.length + js.length;
}

/** The islands loader's JS and WASM: preloaded in the head and imported by its script. */
function islandAssets(html) {
  const found = new Set();
  for (const a of tags(html, 'link')) {
    if ((rels(a).includes('modulepreload') || rels(a).includes('preload')) && /\.(js|wasm)(\?|$)/.test(a.href ?? '')) {
      found.add(a.href);
    }
  }
  for (const a of tags(html, 'script')) if (a.src && /\/pkg\//.test(a.src)) found.add(a.src);
  // The loader script itself: `…)("", "pkg", "motcua.HASH", "motcua.HASH", false)`.
  for (const m of html.matchAll(/\(\s*"([^"]*)"\s*,\s*"([^"]+)"\s*,\s*"([^"]+)"\s*,\s*"([^"]+)"\s*,\s*(?:true|false)\s*\)/g)) {
    found.add(`${m[1]}/${m[2]}/${m[3]}.js`);
    found.add(`${m[1]}/${m[2]}/${m[4]}.wasm`);
  }
  // Any other literal /pkg/ URL.
  for (const m of html.matchAll(/["'(](\/pkg\/[^"'()\s]+\.(?:js|wasm))["')]/g)) found.add(m[1]);
  const norm = [...found].map((u) => new URL(u, BASE).pathname);
  return [...new Set(norm)];
}

/** A static asset: received bytes for `Accept-Encoding: br`, its raw size, and brotli
 * computed here. Cached: pages share their stylesheet and loader. */
const assetCache = new Map();
async function asset(path) {
  if (assetCache.has(path)) return assetCache.get(path);
  const res = await request(new URL(path, BASE), { headers: { 'accept-encoding': 'br' } });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  const raw = decode(res);
  const a = {
    path,
    encoding: res.headers['content-encoding'] ?? 'identity',
    contentLength: res.headers['content-length'] ? Number(res.headers['content-length']) : null,
    received: res.body.length,
    raw: raw.length,
    brComputed: brotli(raw),
    cache: res.headers['cache-control'] ?? '',
  };
  // What the browser would pay: the received body if compressed, else brotli of the raw.
  a.br = a.encoding === 'br' ? a.received : a.brComputed;
  assetCache.set(path, a);
  return a;
}

// ---------------------------------------------------------------------------------------
// The pages.

/** Valid answers for the applicant page, enough to reach the first Step page. */
function applicantAnswers(html) {
  const fields = {
    _action: 'next',
    full_name: 'Nguyễn Văn An',
    id_number: '038090000009',
    phone: '0912345678',
  };
  const select = /<select\b[^>]*\bname="receiving_agency"[^>]*>([\s\S]*?)<\/select>/i.exec(html);
  if (select) {
    const option = tags(select[1], 'option').find((o) => o.value);
    if (option) fields.receiving_agency = option.value;
  }
  return fields;
}

async function collectPages() {
  const pages = [];
  const add = (label, kind, res) =>
    pages.push({
      label,
      kind,
      path: res.url.pathname + res.url.search,
      html: res.html,
      htmlSent: res.body.length,
      htmlEncoding: res.headers['content-encoding'] ?? 'identity',
    });

  add('Catalogue /thu-tuc', 'info', await getPage('/thu-tuc'));
  add('Procedure page', 'info', await getPage(`/thu-tuc/${PROCEDURE}`));

  // Start a filing as the button on the procedure page does.
  const applicantUrl = await postForm(`/thu-tuc/${PROCEDURE}/nop`, {});
  const applicant = await getPage(applicantUrl);
  add('Applicant form (nguoi-nop)', 'form', applicant);

  const next = await postForm(applicantUrl, applicantAnswers(applicant.html));
  if (/\/nguoi-nop(#|$)/.test(next.pathname + next.hash)) {
    throw new Error(`the applicant page did not accept the sample answers (${next})`);
  }
  const step = await getPage(next);
  add(`Step form (${next.pathname.split('/').pop()})`, 'form', step);

  add('Lookup /tra-cuu', 'info', await getPage('/tra-cuu'));
  return pages;
}

async function measure(page) {
  const htmlBuf = Buffer.from(page.html, 'utf8');
  const css = await Promise.all(stylesheets(page.html).map((href) => asset(new URL(href, BASE).pathname)));
  const scripts = await Promise.all(islandAssets(page.html).map(asset));
  const island = /<leptos-island\b/i.test(page.html);
  const m = {
    ...page,
    island,
    htmlRaw: htmlBuf.length,
    htmlBr: brotli(htmlBuf),
    htmlGz: gzip(htmlBuf),
    css,
    scripts,
    blocking: renderBlocking(page.html),
  };
  m.cssBr = css.reduce((s, a) => s + a.br, 0);
  m.jsBr = scripts.filter((a) => a.path.endsWith('.js')).reduce((s, a) => s + a.br, 0);
  m.wasmBr = scripts.filter((a) => a.path.endsWith('.wasm')).reduce((s, a) => s + a.br, 0);
  m.noJs = m.htmlBr + m.cssBr;
  m.withWasm = m.noJs + m.jsBr + m.wasmBr;
  return m;
}

// ---------------------------------------------------------------------------------------
// Report.

const kb = (n) => (n == null ? '–' : `${(n / 1024).toFixed(1)} KB`);

function report(measured) {
  const lines = [];
  lines.push(`# Page weight — ${BASE.origin}`);
  lines.push('');
  lines.push('Sizes in KB (1024 bytes). "HTML sent" is what the server sent for `Accept-Encoding: br, gzip`;');
  lines.push('"HTML br"/"HTML gz" are computed here (brotli q11, gzip -9) and count in the totals. CSS, JS');
  lines.push('and WASM are the bytes the server sent for `Accept-Encoding: br`.');
  lines.push('');
  lines.push(
    '| page | island | HTML raw | HTML sent | HTML br | HTML gz | CSS br | blocking | JS br | WASM br | no-JS (HTML+CSS, br) | first visit with WASM (br) |',
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const m of measured) {
    lines.push(
      `| ${m.label} | ${m.island ? 'yes' : 'no'} | ${kb(m.htmlRaw)} | ${kb(m.htmlSent)} ${m.htmlEncoding} | ${kb(m.htmlBr)} | ${kb(m.htmlGz)} | ${kb(m.cssBr)} | ${m.blocking} | ${kb(m.jsBr)} | ${kb(m.wasmBr)} | ${kb(m.noJs)} | ${kb(m.withWasm)} |`,
    );
  }
  lines.push('');
  lines.push('Assets:');
  lines.push('');
  lines.push('| asset | sent as | content-length | received | raw | br (computed here) | cache-control |');
  lines.push('|---|---|---:|---:|---:|---:|---|');
  for (const a of assetCache.values()) {
    lines.push(
      `| \`${a.path}\` | ${a.encoding} | ${a.contentLength ?? '–'} | ${kb(a.received)} | ${kb(a.raw)} | ${kb(a.brComputed)} | ${a.cache} |`,
    );
  }
  lines.push('');
  const forms = measured.filter((m) => m.kind === 'form');
  const worst = (key) => Math.max(...forms.map((m) => m[key]));
  lines.push(`Totals for the heaviest form page:`);
  lines.push(`- no-JS weight (HTML+CSS, br): ${kb(worst('noJs'))} (budget ${kb(BUDGET_NO_JS)})`);
  lines.push(`- first visit with WASM (HTML+CSS+JS+WASM, br): ${kb(worst('withWasm'))} (budget ${kb(BUDGET_WITH_WASM)})`);
  if (measured.some((m) => m.htmlEncoding === 'identity')) {
    lines.push('');
    lines.push('Note: the server sends HTML uncompressed; the totals assume it is sent with brotli.');
  }
  const info = measured.filter((m) => m.kind !== 'form' && !m.island && m.jsBr + m.wasmBr > 0);
  if (info.length) {
    lines.push('');
    lines.push(
      `Note: ${info.map((m) => m.label).join(', ')} ha${info.length > 1 ? 've' : 's'} no island but still load the islands loader (JS + WASM) after the first render.`,
    );
  }
  console.log(lines.join('\n'));

  const problems = [];
  for (const m of forms) {
    if (m.noJs > BUDGET_NO_JS) problems.push(`${m.label}: no-JS weight ${kb(m.noJs)} > ${kb(BUDGET_NO_JS)}`);
    if (m.withWasm > BUDGET_WITH_WASM) {
      problems.push(`${m.label}: first visit with WASM ${kb(m.withWasm)} > ${kb(BUDGET_WITH_WASM)}`);
    }
    if (!m.island) problems.push(`${m.label}: no form island found in the page`);
    if (m.scripts.length === 0) problems.push(`${m.label}: no /pkg/*.js or *.wasm found in the page`);
  }
  for (const m of measured) {
    if (m.css.length === 0) problems.push(`${m.label}: links no stylesheet`);
  }
  if (problems.length) {
    console.log('');
    console.log('OVER BUDGET OR BROKEN:');
    for (const p of problems) console.log(`- ${p}`);
    return 1;
  }
  console.log('');
  console.log('Within budget.');
  return 0;
}

try {
  const pages = await collectPages();
  const measured = [];
  for (const p of pages) measured.push(await measure(p));
  process.exitCode = report(measured);
} catch (e) {
  console.error(`page-weight: ${e.message ?? e}`);
  process.exitCode = 2;
}
