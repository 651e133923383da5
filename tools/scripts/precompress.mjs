// Writes .br and .gz next to every text asset of the built client, so @fastify/static
// (preCompressed) sends the smallest one the browser accepts without compressing per request.
//   node tools/scripts/precompress.mjs dist/apps/web/browser
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/apps/web/browser';
const TEXT = /\.(js|css|html|json|svg|txt|webmanifest)$/;
let before = 0;
let afterBrotli = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.test(name)) {
      const data = readFileSync(path);
      if (data.length < 1024) continue;
      const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      writeFileSync(`${path}.br`, br);
      writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      before += data.length;
      afterBrotli += br.length;
    }
  }
}
walk(root);
console.log(
  `precompress: ${(before / 1024).toFixed(0)} kB of text assets → ${(afterBrotli / 1024).toFixed(0)} kB with brotli`,
);
