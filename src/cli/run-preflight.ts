/**
 * Before `asl run` starts an execution: the definition must be one that `asl validate` accepts (AWS
 * would refuse to create anything else), so its errors are printed as validate's stylish report on
 * stderr and the run is refused with exit 2. Warnings do not block. Also refuses --state-machine where
 * it cannot apply, rather than ignoring it.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedFile, MachineSource } from '../source/types.js';
import type { CommandContext } from './context.js';
import { InputError, UsageError } from './errors.js';

/** The loaded file's errors and the machine's own (validate's findings), with positions. */
async function errorsOf(loaded: LoadedFile, machine: MachineSource): Promise<Diagnostic[]> {
  const { validateMachine } = await import('../validate/index.js');
  // File-level errors about another machine of a template (one picked with --state-machine) do not stop this one.
  const mine = (path: string) => path === '' || path === machine.pointer || path.startsWith(`${machine.pointer}/`);
  const fileErrors = loaded.diagnostics.filter((d) => d.severity === 'error' && mine(d.path));
  return [...fileErrors, ...validateMachine(machine).filter((d) => d.severity === 'error')];
}

/** Throws (exit 2) after printing the report when validate finds errors in the machine about to run. */
export async function refuseInvalid(ctx: CommandContext, loaded: LoadedFile, machine: MachineSource, text: string): Promise<void> {
  const errors = await errorsOf(loaded, machine);
  if (errors.length === 0) return;
  // Loaded only when there is something to report: a valid machine's run loads no formatter.
  const [{ formatStylish }, { decideColorLevel, makePainter }] = await Promise.all([import('../report/stylish.js'), import('./color.js')]);
  const painter = await makePainter(decideColorLevel(undefined, ctx.env, ctx.io.stderr));
  const file = machine.file || loaded.file;
  const result = { file, machine: machine.pointer, ...(machine.name !== undefined ? { name: machine.name } : {}), valid: false, diagnostics: errors };
  const sourceText = (name: string) => (name === loaded.file ? text : undefined);
  ctx.io.stderr.write(formatStylish([result], { painter, sourceText, baseDir: ctx.cwd }));
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
  throw new InputError(`cannot run ${loaded.file === '-' ? 'the definition from stdin' : loaded.file}: asl validate finds ${count} in it (listed above), and AWS would not create it. Fix ${errors.length === 1 ? 'it' : 'them'} first.`);
}

/**
 * --state-machine names a machine in a template, or in a mock config: with a bare definition and no
 * --mock-config there is nothing for it to pick, and a typo there would otherwise go unnoticed.
 */
export function refuseStrayMachineName(file: string, loaded: LoadedFile, machineName: string | undefined, mockConfig: string | undefined): void {
  if (machineName === undefined || mockConfig !== undefined) return;
  if (loaded.machines.some((m) => m.name !== undefined)) return;
  throw new UsageError(`--state-machine "${machineName}" picks a state machine in a template or a mock config, but ${file === '-' ? 'stdin' : file} holds a bare definition (one machine) and no --mock-config is given; leave --state-machine out.`);
}
