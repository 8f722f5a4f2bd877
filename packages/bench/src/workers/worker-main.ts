import type { Task, TaskReply } from './task.js';

/** A worker process: runs the task given as JSON in argv[2] and sends the result to the parent. */
async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as Task;
  let reply: TaskReply;
  try {
    const result =
      task.kind === 'overhead'
        ? await (await import('./overhead-task.js')).runOverhead(task)
        : task.kind === 'load'
          ? await (await import('./load-task.js')).runLoad(task)
          : await (await import('./extract-task.js')).runExtract(task);
    reply = { ok: true, result };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  process.send?.(reply);
}

process.on('disconnect', () => process.exit(0));
await main();
