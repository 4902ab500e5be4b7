/** The output format names, apart from the formatters so a command line can list and check them cheaply. */
export const formatNames = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

export type FormatName = (typeof formatNames)[number];

export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}
