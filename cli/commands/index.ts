/** The command registry: name → command. Adding a command is one line here. */
import type { Command } from '../Command.ts';
import { check } from './check.ts';
import { coverage } from './coverage.ts';
import { diff } from './diff.ts';
import { explain } from './explain.ts';
import { generate } from './generate.ts';
import { lifecycle } from './lifecycle.ts';
import { review } from './review.ts';
import { simulate } from './simulate.ts';
import { template } from './template.ts';
import { test } from './test.ts';
import { validate } from './validate.ts';

export const COMMANDS: Readonly<Record<string, Command>> = {
  check,
  validate,
  test,
  explain,
  generate,
  diff,
  lifecycle,
  simulate,
  coverage,
  review,
  template,
};
