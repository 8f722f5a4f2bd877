import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { entryFile, type Entry } from './build.js';

/** Forks a built entry with its configuration as JSON in the first argument. Its stdout is dropped, stderr kept. */
export async function forkEntry(entry: Entry, config: unknown): Promise<ChildProcess> {
  return fork(await entryFile(entry), [JSON.stringify(config)], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

/** The first IPC message a child sends; rejects if it exits first or takes longer than `timeoutMs`. */
export function firstMessage<T>(child: ChildProcess, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      child.kill();
      reject(new Error(`${what} sent nothing within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: unknown) => {
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`${what} exited (${signal ?? `code ${String(code)}`}) before answering`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Ends a child we started and waits for it to go. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
