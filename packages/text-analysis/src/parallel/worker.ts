/**
 * Worker-thread entry of the discovery pool: claims and runs chunks of the steps the main thread
 * posts (see pool.ts), and reports a failed chunk on the error port.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { KERNELS } from './kernels.ts';
import { DONE_CHUNKS, FAILED, NEXT_CHUNK, WORKER_CHUNKS, type StepMessage } from './pool.ts';

let errors: MessagePort | undefined;

function runClaimedChunks(step: StepMessage): void {
  const kernel = KERNELS[step.name] as (args: unknown, chunk: number) => void;
  const { control, chunkCount } = step;
  try {
    for (let chunk = Atomics.add(control, NEXT_CHUNK, 1); chunk < chunkCount;) {
      kernel(step.args, chunk);
      Atomics.add(control, WORKER_CHUNKS, 1);
      Atomics.add(control, DONE_CHUNKS, 1);
      Atomics.notify(control, DONE_CHUNKS);
      chunk = Atomics.add(control, NEXT_CHUNK, 1);
    }
  } catch (error) {
    errors?.postMessage({ message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    Atomics.store(control, FAILED, 1);
    Atomics.notify(control, DONE_CHUNKS);
  }
}

parentPort?.on('message', (message: StepMessage | { kind: 'errors'; port: MessagePort }) => {
  if ('kind' in message) {
    errors = message.port;
    parentPort?.postMessage('ready');
  } else {
    runClaimedChunks(message);
  }
});
