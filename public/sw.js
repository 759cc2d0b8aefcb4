// Kring's offline shell (issue 10): the phone view opens without a network. Hand-written and small
// on purpose: pages of the phone view are fetched from the network first and kept as the last
// copy; the build files (named by their content: Next's in /_next/static, and the phone view's
// own client in /light, scripts/build-light.mjs) from the cache first. The
// board itself is not in here: it is the Yjs document the page keeps in IndexedDB.
// Nothing else is cached: no API answers, no exports, no other pages.
const CACHE = 'kring-shell-v1'
const PHONE_PAGE = /^\/board\/[A-Za-z0-9_-]+\/phone$/

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

const isBuildFile = (path) => path.startsWith('/_next/static/') || path.startsWith('/light/')
const keepable = (path) => PHONE_PAGE.test(path) || isBuildFile(path)

// The page asks to forget everything (access withdrawn, or leaving a shared device), or to keep
// itself and the files it loaded before this worker existed (the first opening never passes here).
self.addEventListener('message', (event) => {
  const data = event.data
  if (!data || typeof data !== 'object') return
  if (data.type === 'kring-forget') event.waitUntil(caches.delete(CACHE))
  if (data.type === 'kring-keep' && Array.isArray(data.urls)) {
    const paths = []
    for (const raw of data.urls.slice(0, 200)) {
      if (typeof raw !== 'string') continue
      const url = new URL(raw, self.location.origin)
      if (url.origin === self.location.origin && keepable(url.pathname)) paths.push(url.pathname)
    }
    event.waitUntil(
      caches.open(CACHE).then((cache) =>
        Promise.all(paths.map((path) => cache.match(path).then((kept) => (kept && !PHONE_PAGE.test(path) ? undefined : cache.add(path).catch(() => undefined))))),
      ),
    )
  }
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate' && PHONE_PAGE.test(url.pathname)) {
    event.respondWith(
      fetch(request).then(
        (response) => {
          if (response.ok) {
            const copy = response.clone()
            void caches.open(CACHE).then((cache) => cache.put(url.pathname, copy))
          }
          return response
        },
        () => caches.match(url.pathname).then((cached) => cached || Response.error()),
      ),
    )
    return
  }
  if (isBuildFile(url.pathname)) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone()
              void caches.open(CACHE).then((cache) => cache.put(request, copy))
            }
            return response
          }),
      ),
    )
  }
})
