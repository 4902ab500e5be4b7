/**
 * Operating-system errors (`EACCES: permission denied, open '/x'`) as the few words a person needs:
 * "permission denied", "it is a directory". The caller says what it was doing with which file
 * ("cannot write the report to out/: it is a directory"), so the reason leaves the path and the
 * system call out. One table for every message that reports a file the user named.
 */

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ELOOP: 'too many symbolic links (a link that points to itself?)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EIO: 'an input/output error (a failing disk or a special file?)',
  EEXIST: 'it already exists',
  EXDEV: 'it is on another file system',
  EINVAL: 'the file system refused it (an invalid name or a special file?)',
};

/** Where a write differs from a read: a missing folder is the problem, not a missing file. */
const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'the folder it goes in does not exist',
  // Creating the folders on the way met a file where a folder should be.
  EEXIST: 'a part of the path is a file, not a folder',
};

/** Why the operation failed, in plain words; `writing` for errors met while creating or writing a file. */
export function systemErrorReason(error: unknown, options: { writing?: boolean } = {}): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') {
    const reason = (options.writing ? WRITE_REASONS[code] : undefined) ?? REASONS[code];
    if (reason) return reason;
  }
  const message = error instanceof Error ? error.message : String(error);
  // An unlisted code: Node's own words without the code, the system call and the path.
  const words = /^[A-Z][A-Z0-9_]+: ([^,]+)/.exec(message)?.[1];
  return words ?? message;
}
