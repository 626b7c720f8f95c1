// Is something already listening on a port? Asked before `compose up`, so a port taken by another program is
// reported as that, instead of as a cluster that answers with somebody else's data.
import { connect } from 'node:net';

export function isListening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
