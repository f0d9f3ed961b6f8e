// The service worker: keeps exactly the files of one build, so that after one visit the editor
// loads and works with the network off, and switches to a new build only when the author asks.
//
// - install: fetches every file of this build (the list and the SHA-256 of each are written by
//   scripts/precache.mjs after a release build), bypassing the HTTP cache and checking each
//   file's hash, into a cache named after the build. Any failure fails the install.
// - the files fetched on demand, the PDF's fonts (fonts/, 3 MB) and the interface's catalogues
//   (i18n/), go into a second cache, named after their hashes, when a page asks for one or
//   posts "cache-on-demand" (once the worker is ready), each checked against its hash; one that
//   fails is fetched again next time, and never takes offline use with it.
// - a new build's worker waits (no skipWaiting of its own) until a page posts "skip-waiting",
//   which the page does when the author clicks "Reload" under "Update available".
// - activate: deletes this deployment's caches of other builds and other on-demand files.
// - fetch: the app's page (any navigation to the scope's root or index.html) and every file of
//   the build come from the cache, so one build's files are never mixed with another's; a file
//   fetched on demand from its cache, or the network into it; any other request goes to the
//   network untouched.
const BUILD = null; // replaced by scripts/precache.mjs: { hash, files: [[path, integrity], ...] }
const ON_DEMAND = null; // replaced by scripts/precache.mjs: { hash, files: [[path, integrity], ...] }

// Caches are per origin; the scope keeps deployments at other paths of the same host apart.
const PREFIX = `igf-proposal-editor ${self.registration.scope} `;
const CACHE = PREFIX + (BUILD ? BUILD.hash : 'unbuilt');
const LATER_CACHE = PREFIX + 'on demand ' + (ON_DEMAND ? ON_DEMAND.hash : 'unbuilt');
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  if (!BUILD) throw new Error('This service worker has no file list: build the site with `make dist`.');
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(BUILD.files.map(async ([path, integrity]) => {
      const response = await fetch(new Request(path, { cache: 'no-cache', integrity }));
      if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
      // A redirected response cannot answer a navigation, so store a plain copy.
      const plain = response.redirected
        ? new Response(await response.blob(), { headers: response.headers })
        : response;
      await cache.put(new URL(path, self.location).href, plain);
    }));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE && n !== LATER_CACHE).map((n) => caches.delete(n)));
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'cache-on-demand') event.waitUntil(cacheLater());
});

// The files fetched on demand by absolute URL, with the integrity each must have.
const LATER_FILES = new Map((ON_DEMAND ? ON_DEMAND.files : []).map(([path, integrity]) => [new URL(path, self.location).href, integrity]));

// A file fetched on demand from its cache, or from the network (checked against its hash) into it.
async function later(url) {
  const cache = await caches.open(LATER_CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetch(new Request(url, { cache: 'no-cache', integrity: LATER_FILES.get(url) }));
  if (response.ok) await cache.put(url, response.clone());
  return response;
}

// Every file fetched on demand into its cache; what fails now is fetched another time.
async function cacheLater() {
  await Promise.all([...LATER_FILES.keys()].map((url) => later(url).catch(() => null)));
}

// The files of this build by absolute URL, and the paths the app's page is reached by.
const FILES = new Set((BUILD ? BUILD.files : []).map(([path]) => new URL(path, self.location).href));
const PAGE_PATHS = [new URL(self.registration.scope).pathname, new URL(INDEX).pathname];

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const page = request.mode === 'navigate' && PAGE_PATHS.includes(url.pathname);
  url.hash = '';
  if (LATER_FILES.has(url.href)) {
    event.respondWith(later(url.href).catch(() => fetch(request)));
    return;
  }
  if (!page && !FILES.has(url.href)) return; // not ours: the network answers, untouched
  event.respondWith((async () => {
    const cached = await (await caches.open(CACHE)).match(page ? INDEX : url.href);
    // Only a cache the browser evicted sends a file of the build to the network.
    return cached ?? fetch(request);
  })());
});
