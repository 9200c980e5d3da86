/**
 * Ends the process once everything written to stdout and stderr has left
 * it. Writes to a pipe (CI, `| less`) are queued when the reader is slower
 * than the writer, and `process.exit` drops the queue: a long problem list
 * would arrive cut off, without its count or the "build refused" line.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => {
    // An empty write's callback runs once every write queued before it is done.
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  })));
  process.exit(code);
}
