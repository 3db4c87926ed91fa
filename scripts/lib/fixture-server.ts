/**
 * A static file server on 127.0.0.1 for the sample articles (and, when a benchmark or suite asks,
 * other folders such as ../shared/news-pages). Only GET and HEAD, only files under the mounted roots.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fixturesDir } from './paths.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  /** Serves `page` at `path` from now on: a page a test changes, as an outlet edits an article at its address. */
  publish(path: string, page: string): void;
  close(): Promise<void>;
}

/** A folder served under a URL prefix, with extra response headers (a Content-Security-Policy, say). */
export interface Mount {
  dir: string;
  headers?: Record<string, string>;
}

export interface FixtureServerOptions {
  /** Pages made up by the tests (an edited copy of a fixture), by path. */
  files?: Record<string, string>;
}

/** `mounts` maps a URL prefix ("/" or "/news-pages/") to a directory. */
export async function startFixtureServer(
  mountsByPrefix: Record<string, string | Mount> = { '/': fixturesDir },
  port = 0,
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const mounts: Record<string, Mount> = Object.fromEntries(
    Object.entries(mountsByPrefix).map(([prefix, mount]) => [
      prefix,
      typeof mount === 'string' ? { dir: mount } : mount,
    ]),
  );
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const files = new Map(Object.entries(options.files ?? {}));
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const madeUp = files.get(path);
    if (madeUp !== undefined) {
      response.writeHead(200, {
        'content-type': contentTypes[extname(path).toLowerCase()] ?? 'text/plain',
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : madeUp);
      return;
    }
    const prefix = prefixes.find((candidate) => path.startsWith(candidate));
    const file =
      prefix === undefined ? undefined : resolveFile(path.slice(prefix.length), (mounts[prefix] as Mount).dir);
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      ...mounts[prefix as string]?.headers,
      'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    publish: (path, page) => void files.set(path, page),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function resolveFile(relative: string, root: string): string | undefined {
  let file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
