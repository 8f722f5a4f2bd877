import type { Task, TaskReply, TaskResult } from '../workers/task.js';
import { firstMessage, forkEntry, stopChild } from './child.js';

/** Runs one task in a fresh child process (its own heap, GC and RSS) and returns what it reported. */
export async function runInWorker<T extends Task>(task: T, timeoutMs: number): Promise<TaskResult<T>> {
  const child = await forkEntry('worker-main', task);
  try {
    const reply = await firstMessage<TaskReply>(child, timeoutMs, `the ${task.kind} worker`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as TaskResult<T>;
  } finally {
    await stopChild(child);
  }
}
