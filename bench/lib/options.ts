/** The command line of `npm run bench` (see the header of bench/run.ts). */
import { parseArgs } from 'node:util';

import type { Mode } from './servers.js';

export const SCENARIOS = [
  'memory',
  'fanout-1k',
  'query',
  'isolation',
  'fanout-10k',
  'spread',
  'storm-10k',
  'sustained',
] as const;
export type Scenario = (typeof SCENARIOS)[number];
/** What `--quick` runs (shorter); a full run runs every scenario. */
export const QUICK: readonly Scenario[] = ['memory', 'fanout-1k', 'query', 'isolation'];
export const MODES: readonly Mode[] = ['a', 'b', 'c', 'f', 'pg', 'x2'];

export interface Options {
  quick: boolean;
  /** `--only`: these scenarios, added to the last run's results. */
  only?: Scenario[];
  /** `--modes`: only these servers. */
  modes?: Mode[];
  cpuProf: boolean;
  label?: string;
  /** `--compare`: earlier results files, shown before this run. */
  compare: string[];
  render: boolean;
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Parses `argv` (without node and the script); throws a one-line error on a bad option. */
export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      modes: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      label: { type: 'string' },
      compare: { type: 'string' },
      render: { type: 'boolean', default: false },
    },
  });
  const only = list(values.only);
  const bad = only?.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (bad?.length)
    throw new Error(`--only: unknown scenario ${bad.join(', ')} (known: ${SCENARIOS.join(', ')})`);
  const modes = list(values.modes);
  const badModes = modes?.filter((m) => !(MODES as readonly string[]).includes(m));
  if (badModes?.length)
    throw new Error(`--modes: unknown server ${badModes.join(', ')} (known: ${MODES.join(', ')})`);
  return {
    quick: values.quick,
    only: only as Scenario[] | undefined,
    modes: modes as Mode[] | undefined,
    cpuProf: values['cpu-prof'],
    label: values.label,
    compare: list(values.compare) ?? [],
    render: values.render,
  };
}
