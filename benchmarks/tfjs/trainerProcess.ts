/** Entry of the trainer child process (trainer.ts): trains what the parent sends, one reply per request. */
import { train, type TrainRequest } from './training.js';

process.on('message', (message: { id: number; request: TrainRequest }) => {
  train(message.request).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
