// A small static file server for the built site, on loopback only.
// Usage: node scripts/serve.mjs <dir> <port> [mount-path]
// With a mount path such as /dist/, the site is served below it, which proves that the build
// uses relative URLs and works from any sub-path.
import { createReadStream, promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const [root = 'dist', port = '8080', mount = '/'] = process.argv.slice(2);
const base = resolve(root);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(mount)) {
    res.writeHead(404).end('Not found');
    return;
  }
  let path = decodeURIComponent(url.pathname.slice(mount.length));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('not a file');
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404).end('Not found');
  }
});

server.listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${base} at http://127.0.0.1:${port}${mount}`);
});
