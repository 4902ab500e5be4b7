// Keeps the `prepare` script out of the package.json that `npm pack` and `npm publish` put in the tarball.
//
// `prepare` builds dist/ when `npm install` runs in a clone and when npm installs the package from git.
// An installed tarball already holds dist/, and npm never runs `prepare` for one, yet npm 11 still lists a
// tarball's `prepare` among the "install scripts not yet covered by allowScripts" in every project that
// installs it. So `prepack` builds and then runs `hide`, which renames the script to `_prepare` (a name npm
// gives no meaning), and `postpack` runs `restore`. npm's packer reads package.json again after `prepack`
// and finds no `prepare` to run, so a pack builds once. If a pack stops between the two, the diff
// shows `_prepare`, and `node scripts/pack-manifest.mjs restore` puts it back.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
const renames = { hide: ['prepare', '_prepare'], restore: ['_prepare', 'prepare'] };

const action = process.argv[2];
if (!Object.hasOwn(renames, action)) {
  process.stderr.write('usage: node scripts/pack-manifest.mjs hide|restore\n');
  process.exit(2);
}
const [from, to] = renames[action];

const manifest = JSON.parse(readFileSync(file, 'utf8'));
const scripts = manifest.scripts ?? {};
if (Object.hasOwn(scripts, from) && !Object.hasOwn(scripts, to)) {
  // Rebuilt entry by entry so the script keeps its place and the file its layout (npm's: two spaces).
  manifest.scripts = Object.fromEntries(Object.entries(scripts).map(([name, command]) => [name === from ? to : name, command]));
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
