/**
 * Loaded into a build (node --import) to make its disk full: every write
 * through Node's fs to a path under PLOTLINE_TEST_FULL_AT fails as a full
 * disk does, with ENOSPC, its errno and the path, and nothing is written.
 * The bundler (rolldown) writes natively and is not reached: a real full
 * disk, where the test can mount one, covers its report.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';

const full = process.env.PLOTLINE_TEST_FULL_AT;

function pathOf(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (target instanceof URL) return fileURLToPath(target);
  if (Buffer.isBuffer(target)) return target.toString();
  return undefined;
}

function noSpace(syscall: string, target: unknown): NodeJS.ErrnoException | undefined {
  const path = pathOf(target);
  if (!full || path === undefined || !path.startsWith(full)) return undefined;
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall} '${path}'`), { code: 'ENOSPC', errno: -28, syscall, path });
}

type Fn = (...args: never[]) => unknown;
const fsAny = fs as unknown as Record<string, Fn>;
const promises = fs.promises as unknown as Record<string, Fn>;

for (const [name, syscall] of [['writeFileSync', 'open'], ['appendFileSync', 'open'], ['copyFileSync', 'copyfile'], ['mkdirSync', 'mkdir']] as const) {
  const original = fsAny[name];
  const at = name === 'copyFileSync' ? 1 : 0;
  fsAny[name] = ((...args: unknown[]) => {
    const error = noSpace(syscall, args[at]);
    if (error) throw error;
    return (original as (...a: unknown[]) => unknown)(...args);
  }) as Fn;
}
for (const [name, syscall] of [['writeFile', 'open'], ['appendFile', 'open'], ['copyFile', 'copyfile'], ['mkdir', 'mkdir'], ['cp', 'copyfile']] as const) {
  const original = promises[name];
  const at = name === 'copyFile' || name === 'cp' ? 1 : 0;
  promises[name] = ((...args: unknown[]) => {
    const error = noSpace(syscall, args[at]);
    return error ? Promise.reject(error) : (original as (...a: unknown[]) => unknown)(...args);
  }) as Fn;
}
for (const [name, syscall] of [['writeFile', 'open'], ['copyFile', 'copyfile'], ['mkdir', 'mkdir']] as const) {
  const original = fsAny[name];
  const at = name === 'copyFile' ? 1 : 0;
  fsAny[name] = ((...args: unknown[]) => {
    const error = noSpace(syscall, args[at]);
    const callback = args.at(-1);
    if (error && typeof callback === 'function') {
      process.nextTick(() => (callback as (e: Error) => void)(error));
      return undefined;
    }
    return (original as (...a: unknown[]) => unknown)(...args);
  }) as Fn;
}
const createWriteStream = fs.createWriteStream;
fs.createWriteStream = ((path: Parameters<typeof createWriteStream>[0], options?: Parameters<typeof createWriteStream>[1]) => {
  const error = noSpace('open', path);
  if (error) throw error;
  return createWriteStream(path, options);
}) as typeof createWriteStream;
syncBuiltinESMExports();
