// A small static file server for the demo and the browser tests: serves the repository root,
// with the right types for .wasm and .js, and never caches (what you build is what you see).
//   node tools/serve.mjs [--port 8080] [--host 127.0.0.1]
// Imported by the tests as `serve({ port: 0 })`, which resolves to { url, close }.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export function serve({ port = 8080, host = '127.0.0.1', root = ROOT } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    // Browsers ask for it on every page; an empty answer keeps their consoles quiet.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const size = statSync(path).size;
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${p}`, port: p, close: () => server.close() });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const k = process.argv.indexOf(name);
    return k > 0 ? process.argv[k + 1] : fallback;
  };
  const port = Number(arg('--port', process.env.PORT ?? 8080));
  const host = arg('--host', '127.0.0.1');
  const { url } = await serve({ port, host });
  console.log(`minutes-outline demo: ${url.replace('127.0.0.1', 'localhost')}/www/`);
  console.log('(Ctrl+C to stop)');
}
