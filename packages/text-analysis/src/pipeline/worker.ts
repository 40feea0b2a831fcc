/** Worker-thread entry: runs a {@link TextStage} for the main thread. */
import { parentPort } from 'node:worker_threads';
import { TextStage, type StageMessage, type StageReply } from './terms-batch.ts';

let stage = new TextStage();
parentPort?.on('message', (message: StageMessage) => {
  let reply: StageReply | undefined;
  if (message.kind === 'start') {
    stage = new TextStage(message.duplicates, message.isKeepingStopWords ?? false);
  } else if (message.kind === 'batch') {
    reply = stage.process(message);
  } else {
    reply = { kind: 'groups', groups: stage.groups() };
  }
  if (reply) {
    parentPort?.postMessage(reply);
  }
});
