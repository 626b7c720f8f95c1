// Replicheck's adapter module for Redis: it speaks Redis' own protocol (RESP) through ioredis, a dependency of this
// folder's package.json (`npm ci --prefix examples/redis`), which Node resolves from here as for any module.
// The servers are redis:// URLs; Replicheck hands each call the URL as written in `servers`.
//
//   write: SET key value             true; { refused } for READONLY (a replica refuses writes, for certain)
//   read:  GET key                   the value's bytes, or null when the key does not exist
//   cas:   a Lua script (GET, compare, SET), atomic on the node
//   ready: PING                      true once the node answers PONG (not while it is still loading its data)
//
// Anything else that goes wrong throws: Replicheck then counts a write as indeterminate (it may or may not have
// been applied) and a read as no answer, which is the truth for a connection lost mid-command.
import { Redis } from 'ioredis';

// One connection per node, kept between calls: a new TCP connection per operation would measure connecting, not
// Redis. A connection that broke is dropped and the next call dials again (Replicheck restarts nodes on purpose).
const connections = new Map();

const OPTIONS = {
  lazyConnect: true,
  // Fail at once instead of queueing commands for a reconnect: a queued write could be sent long after Replicheck
  // gave up on it, and a read would wait out a restart instead of saying the node is down.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
  connectTimeout: 2000,
};

async function redisFor(url) {
  const pending = connections.get(url);
  if (pending) {
    const client = await pending.catch(() => undefined);
    if (client?.status === 'ready') return client;
    if (connections.get(url) === pending) {
      connections.delete(url);
      client?.disconnect();
    }
    return redisFor(url);
  }
  const client = new Redis(url, OPTIONS);
  // Errors reach the caller through the command that failed; an unhandled 'error' event would end the worker.
  client.on('error', () => undefined);
  const connecting = client.connect().then(() => client);
  connections.set(url, connecting);
  connecting.catch(() => {
    if (connections.get(url) === connecting) connections.delete(url);
    client.disconnect();
  });
  return connecting;
}

/** The command's answer, unless Replicheck gives up on the call first; then the connection is not trusted again. */
function abortable(url, client, command, signal) {
  if (!signal) return command;
  return new Promise((resolve, reject) => {
    const stop = () => {
      reject(signal.reason ?? new Error('aborted'));
      connections.delete(url);
      client.disconnect();
    };
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    command.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

async function run(url, signal, send) {
  const client = await redisFor(url);
  return abortable(url, client, send(client), signal);
}

// `-READONLY You can't write against a read only replica.` (inside a script's error too): the replica did not
// apply the write, for certain.
const refusal = (error) => /READONLY You can't write/.test(String(error?.message ?? ''));

export async function write({ url, key, value, signal }) {
  try {
    return (await run(url, signal, (r) => r.set(key, value))) === 'OK';
  } catch (error) {
    if (refusal(error)) return { refused: error.message };
    throw error;
  }
}

export async function read({ url, key, signal }) {
  // Bytes, not a string: values are compared byte for byte (and value-format: bytes writes any bytes).
  return run(url, signal, (r) => r.getBuffer(key));
}

const CAS = "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 else return 0 end";

export async function cas({ url, key, expected, value, signal }) {
  try {
    return (await run(url, signal, (r) => r.eval(CAS, 1, key, expected, value))) === 1;
  } catch (error) {
    // A replica refuses the script's SET before running any of it.
    if (refusal(error)) return { refused: error.message };
    throw error;
  }
}

export async function ready({ url, signal }) {
  return (await run(url, signal, (r) => r.ping())) === 'PONG';
}
