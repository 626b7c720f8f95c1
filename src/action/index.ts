// One bundle for both entry points: the main step saves `isPost`, so when the runner starts the post entry the
// state is there and the same file runs the teardown instead.
import * as core from '@actions/core';
import { main } from './main.js';
import { post } from './post.js';
import { State, fail } from './runner.js';

const entry = core.getState(State.isPost) === 'true' ? post : main;
entry().catch((error: unknown) => {
  // The stack quotes error messages, which may quote text from outside.
  fail(`Replicheck crashed: ${(error as Error)?.stack ?? String(error)}`);
});
