// Copies the QR encoder from node_modules into vendor/ so the site serves without a build.
// Run after `npm ci` when the pinned version in package.json changes; commit the result.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const pkgDir = path.join(__dirname, 'node_modules', 'qrcode-generator');
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const source = fs.readFileSync(path.join(pkgDir, 'dist', 'qrcode.mjs'), 'utf8');
const mit = [
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
];
const header =
  `// qrcode-generator ${pkg.version} (dist/qrcode.mjs, licence ${pkg.license}), copied by copy-vendor.js.\n` +
  mit.map((line) => ('// ' + line).trimEnd()).join('\n') + '\n';
fs.mkdirSync(path.join(__dirname, 'vendor'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'vendor', 'qrcode-generator.mjs'), header + source);
console.log(`vendor/qrcode-generator.mjs <- qrcode-generator ${pkg.version}`);
