// Inputs reached more than once (symbolic links, loops, several templates naming one file) are
// checked once, and folders that cannot be read are named with the reason instead of being skipped.
// A folder that cannot be listed is simulated by replacing the listing call: tests may run as root,
// where chmod 000 does not stop a read (test/cli/unreadable-inputs.test.ts runs the real thing).
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/cli/read-inputs.js';
import { expandInputs } from '../../src/source/index.js';
import type { SearchFs } from '../../src/source/search.js';
import { SNIFF_LIMIT } from '../../src/source/sniff.js';

let root: string;
const definition = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
const samTemplate = (id: string, type = 'STANDARD'): string =>
  `Transform: AWS::Serverless-2016-10-31\nResources:\n  ${id}:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: ${type}\n      DefinitionUri: ../shared/flow.asl.json\n`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'asl-expand-'));
  const files: Record<string, string> = {
    'tree/a.asl.json': definition,
    'tree/sub/b.json': definition,
    'tree/locked/c.asl.json': definition,
    'solo/locked/d.asl.json': definition,
    'shared/flow.asl.json': definition,
    'one/template.yaml': samTemplate('First'),
    'two/template.yaml': samTemplate('Second'),
    'express/template.yaml': samTemplate('Fast', 'EXPRESS'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  // A loop: tree/sub/up is tree itself, so every file under tree has endless names.
  symlinkSync('..', join(root, 'tree/sub/up'));
  symlinkSync('a.asl.json', join(root, 'tree/alias.asl.json'));
  symlinkSync('self.asl.json', join(root, 'self.asl.json'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Lists folders as usual, except that any folder whose path ends with `/locked` fails as unreadable. */
const lockedFs: SearchFs = {
  readdir: ((path: string, options: object, callback: (error: NodeJS.ErrnoException | null, entries?: fs.Dirent[]) => void) => {
    if (/\/locked\/?$/.test(path)) {
      callback(Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' }));
      return;
    }
    (fs.readdir as unknown as (p: string, o: object, cb: typeof callback) => void)(path, options, callback);
  }) as unknown as typeof fs.readdir,
};

describe('one report per file', () => {
  it('lists each file once through a directory symlink loop and a file symlink', async () => {
    const { files, problems } = await expandInputs(['tree'], root);
    expect(problems).toEqual([]);
    expect(files).toEqual(['tree/a.asl.json', 'tree/locked/c.asl.json', 'tree/sub/b.json']);
  });

  it('counts a file named twice, or through a link, once; on the plain-file path too', async () => {
    const names = ['tree/a.asl.json', './tree/alias.asl.json', 'tree/sub/up/a.asl.json'];
    expect((await expandInputs([...names, 'tree'], root)).files).toEqual(['tree/a.asl.json', 'tree/locked/c.asl.json', 'tree/sub/b.json']);
    const read = await readInputs(names, root, process.stdin);
    expect(read.files.map((f) => f.loaded.file)).toEqual(['tree/a.asl.json']);
  });

  it('checks a definition file that several templates name once, but again for another workflow type', async () => {
    const read = await readInputs(['one/template.yaml', 'two/template.yaml', 'express/template.yaml', 'shared'], root, process.stdin);
    expect(read.problems).toEqual([]);
    const machines = read.files.flatMap((f) => f.loaded.machines.map((m) => `${f.loaded.file} ${m.name ?? '-'} ${m.workflowType ?? '-'}`));
    expect(machines).toEqual(['one/template.yaml First STANDARD', 'express/template.yaml Fast EXPRESS']);
  });

  it('does the same through the library API', async () => {
    const { validate } = await import('../../src/api/index.js');
    const results = await validate(['one/template.yaml', 'two/template.yaml', 'shared'], { cwd: root });
    expect(results.map((r) => `${r.file} ${r.name ?? '-'}`)).toEqual(['shared/flow.asl.json First']);
  });

  it('skips files over the size limit unless their name says they are definitions', async () => {
    mkdirSync(join(root, 'big'));
    const big = join(root, 'big/data.json');
    writeFileSync(big, definition);
    truncateSync(big, SNIFF_LIMIT + 1);
    const { problems } = await expandInputs(['big'], root);
    expect(problems).toEqual([expect.stringMatching(/^big: no state machines found/)]);
  });
});

describe('paths that cannot be read', () => {
  it('names a folder inside a search as a warning when the search found other files', async () => {
    const result = await expandInputs(['tree'], root, { fs: lockedFs });
    expect(result.files).toEqual(['tree/a.asl.json', 'tree/sub/b.json']);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      'tree: cannot read the folder tree/locked: permission denied (give your user read and execute permission on it, or name the folders you can read); the files in it were not checked',
    ]);
  });

  it('is a problem, not "no definitions found", when nothing else was found', async () => {
    const result = await expandInputs(['solo', 'solo/locked'], root, { fs: lockedFs });
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([
      'solo: cannot read the folder solo/locked: permission denied (give your user read and execute permission on it, or name the folders you can read); no state machines found in the rest of it',
      'solo/locked: cannot read this directory: permission denied (give your user read and execute permission on it, or name the folders you can read)',
    ]);
  });

  it('says why a glob over an unreadable folder matched nothing', async () => {
    const result = await expandInputs(['tree/locked/*.json'], root, { fs: lockedFs });
    expect(result.problems).toEqual([expect.stringMatching(/^tree\/locked\/\*\.json: cannot read the folder tree\/locked: permission denied .*; nothing else matches$/)]);
  });

  it('explains a path through a file and a symbolic link loop', async () => {
    const { problems } = await expandInputs(['tree/a.asl.json/x.asl.json', 'self.asl.json'], root);
    expect(problems).toEqual([
      'tree/a.asl.json/x.asl.json: no such file or directory (a part of the path is a file, not a directory)',
      'self.asl.json: too many levels of symbolic links (a link that points back at itself)',
    ]);
  });
});
