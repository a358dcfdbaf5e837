// Copies the vendored ES modules from node_modules into vendor/ so the site serves without a build.
// Run after `npm ci` when a pinned version in package.json changes; commit the result.
// Each file starts with its package's name, version and licence text. A bare import of another
// vendored package is pointed at its file in vendor/ (a browser resolves only relative URLs
// without an import map, and an import map would be an inline script, which the CSP forbids).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const QR_MIT = [
  'MIT License',
  '',
  'Copyright (c) 2009 Kazuhiko Arase',
  '',
  'Permission is hereby granted, free of charge, to any person obtaining a copy',
  'of this software and associated documentation files (the "Software"), to deal',
  'in the Software without restriction, including without limitation the rights',
  'to use, copy, modify, merge, publish, distribute, sublicense, and/or sell',
  'copies of the Software, and to permit persons to whom the Software is',
  'furnished to do so, subject to the following conditions:',
  '',
  'The above copyright notice and this permission notice shall be included in all',
  'copies or substantial portions of the Software.',
  '',
  'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR',
  'IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,',
  'FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE',
  'AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER',
  'LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,',
  'OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE',
  'SOFTWARE.',
].join('\n');

const VENDORED = [
  // qrcode-generator ships no LICENSE file; its package.json says MIT
  { pkg: 'qrcode-generator', file: 'dist/qrcode.mjs', out: 'qrcode-generator.mjs', licence: () => QR_MIT },
  { pkg: 'jwt-decode', file: 'build/esm/index.js', out: 'jwt-decode.mjs' },
  { pkg: 'oidc-client-ts', file: 'dist/esm/oidc-client-ts.js', out: 'oidc-client-ts.mjs',
    imports: { 'jwt-decode': './jwt-decode.mjs' } },
];

fs.mkdirSync(path.join(__dirname, 'vendor'), { recursive: true });
for (const v of VENDORED) {
  const dir = path.join(__dirname, 'node_modules', v.pkg);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licence = v.licence ? v.licence() : fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8');
  let source = fs.readFileSync(path.join(dir, v.file), 'utf8')
    // the source map is not vendored
    .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  for (const [from, to] of Object.entries(v.imports || {})) {
    const pattern = new RegExp(`from "${from}";`, 'g');
    if (!pattern.test(source)) throw new Error(`${v.pkg}: no import of ${from} to rewrite`);
    source = source.replace(pattern, `from "${to}";`);
  }
  if (/^import .* from "[^./]/m.test(source)) throw new Error(`${v.pkg}: a bare import is left`);
  const header =
    `// ${v.pkg} ${pkg.version} (${v.file}, licence ${pkg.license}), copied by copy-vendor.js.\n` +
    licence.replace(/\r/g, '').trimEnd().split('\n').map((line) => ('// ' + line).trimEnd()).join('\n') + '\n';
  fs.writeFileSync(path.join(__dirname, 'vendor', v.out), header + source);
  console.log(`vendor/${v.out} <- ${v.pkg} ${pkg.version}`);
}
