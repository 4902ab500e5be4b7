import type { Command } from 'commander';

/**
 * A --format value that is not one of `formats`, as commander words it, with the nearest format for a typo
 * (`--format jsn`). Checked in the action, not by commander's choices: the suggestion code loads only then.
 */
export async function checkFormatChoice(command: Command, format: unknown, formats: readonly string[]): Promise<void> {
  if (format === undefined || formats.includes(String(format))) return;
  const { suggestNearest } = await import('../../asl/suggest.js');
  const near = suggestNearest(String(format), formats);
  const message = `error: option '--format <format>' argument '${String(format)}' is invalid. Allowed choices are ${formats.join(', ')}.`;
  command.error(`${message}${near ? ` Did you mean "${near}"?` : ''}`, { code: 'commander.invalidArgument' });
}
