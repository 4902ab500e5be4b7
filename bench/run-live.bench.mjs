// asl run's live view on a terminal (a pseudo-terminal from `script`) against the plain output of the same
// run piped to a file: wall time and peak memory (GNU time's maximum resident set size). The live view shows
// a window of recent steps and counts per Map, so it should cost about what plain output costs, whatever the
// length of the run. Measured in CPU time, which a busy machine disturbs far less than wall time. Needs `script` (util-linux) and GNU time at /usr/bin/time; skipped without them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aslBin, median } from './lib.mjs';

const map = (n) => ({
  QueryLanguage: 'JSONata',
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      Items: `{% [1..${n}] %}`,
      ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
      Output: '{% $count($states.result) %}',
      End: true,
    },
  },
});
const loop = {
  StartAt: 'Check',
  States: {
    Check: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericGreaterThanEquals: 8000, Next: 'Done' }], Default: 'Step' },
    Step: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
    Done: { Type: 'Succeed' },
  },
};
const trivial = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
const cases = [
  ['one Pass state (the cost of loading ink)', trivial, '{}'],
  ['10,000-item Map', map(10_000), '{}'],
  ['8,000-iteration loop', loop, '{"i":0}'],
  ['100,000-item Map', map(100_000), '{}'],
];

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * CPU time (user + system, the command and its children) and peak kilobytes of one shell command, measured
 * by GNU time. CPU time rather than wall time: on a shared machine the wall clock mostly measures the others.
 */
function measure(shell, cwd) {
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'sh', '-c', shell], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${shell.slice(0, 120)} exited ${child.status}: ${child.stderr.slice(-500)}`);
  const [user, system, kb] = child.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { ms: (user + system) * 1000, kb };
}

export default async function runLiveBench() {
  const tools = ['script', '/usr/bin/time'].every((t) => spawnSync(t, ['--version']).status === 0);
  if (!tools || !existsSync('/usr/bin/time')) return { title: 'asl run live view (skipped: needs script and GNU time)', rows: [] };
  const dir = mkdtempSync(join(tmpdir(), 'asl-live-bench-'));
  const rows = [];
  let inkLoad = 0;
  try {
    writeFileSync(join(dir, 'stubs.yaml'), 'states:\n  Work:\n    result: {ok: true}\n');
    for (const [name, definition, input] of cases) {
      writeFileSync(join(dir, 'm.json'), JSON.stringify(definition));
      const run = `${quote(process.execPath)} ${quote(aslBin)} run m.json --stubs stubs.yaml --input ${quote(input)} --max-events 1000000`;
      const env = 'env -u CI -u PRE_COMMIT -u GITHUB_ACTIONS TERM=xterm-256color';
      const terminal = [];
      const piped = [];
      for (let i = 0; i < 3; i++) {
        terminal.push(measure(`${env} script -qec ${quote(`stty rows 40 cols 120; exec ${run}`)} /dev/null > out.txt`, dir));
        piped.push(measure(`${run} > out.txt`, dir));
      }
      const t = { ms: median(terminal.map((m) => m.ms)), kb: median(terminal.map((m) => m.kb)) };
      const p = { ms: median(piped.map((m) => m.ms)), kb: median(piped.map((m) => m.kb)) };
      const ours = `${(t.ms / 1000).toFixed(2)} s CPU, ${Math.round(t.kb / 1024)} MB`;
      const peer = `${(p.ms / 1000).toFixed(2)} s CPU, ${Math.round(p.kb / 1024)} MB`;
      if (definition === trivial) {
        // Loading ink and React once is the live view's fixed price; the rest must scale like plain output.
        inkLoad = Math.max(0, t.ms - p.ms);
        rows.push({ case: name, ours, peer, ratio: `+${Math.round(inkLoad)} ms` });
        continue;
      }
      const ratio = (t.ms - inkLoad) / p.ms;
      rows.push({ case: name, ours, peer, ratio: `${ratio.toFixed(2)}× the CPU time`, target: '≤ 1.5× the CPU time, ≤ 2× the memory', ok: ratio <= 1.5 && t.kb <= 2 * p.kb });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'asl run: live view on a terminal (ours) against plain output piped (peer), medians of 3',
    rows,
    notes: [
      'The terminal is a pseudo-terminal of 40 rows from `script`; memory is the peak resident set size of the process.',
      'Times are CPU time (user + system); ratios are taken after the one-off cost of loading ink and React (the first row) is taken off.',
    ],
  };
}
