import { buildSchema, type ExecutionArgs } from 'graphql';
import { describe, expect, it } from 'vitest';

import { CheckedDocuments } from './checked-documents.js';
import { httpExecution } from './http-execution.js';

const schema = buildSchema(`
  type Query { count: Int }
  type Mutation { bump: Int }
`);

/** Resolvers that count their calls and finish when `release` is called. */
function root() {
  let calls = 0;
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    calls: () => calls,
    release: () => release(),
    rootValue: {
      count: async () => {
        calls += 1;
        await gate;
        return calls;
      },
      bump: async () => {
        calls += 1;
        await gate;
        return calls;
      },
    },
  };
}

const viewer = (id: number | null, canWrite = true) => ({
  currentUser: id === null ? null : { id },
  canWrite,
});

describe('httpExecution', () => {
  it('parses and validates each query text once', () => {
    const shared = httpExecution(new CheckedDocuments(schema));
    const first = shared.parse('{ count }');
    expect(shared.parse('{ count }')).toBe(first);
    expect(shared.parse('{ count  }')).not.toBe(first);
    const errors = shared.validate(schema, shared.parse('{ nope }'));
    expect(errors[0]?.message).toContain('nope');
    expect(shared.validate(schema, shared.parse('{ nope }'))).toBe(errors);
    expect(() => shared.parse('{')).toThrow();
  });

  it('shares one execution between identical concurrent queries of the same viewer only', async () => {
    const shared = httpExecution(new CheckedDocuments(schema));
    const document = shared.parse('{ count }');
    const resolvers = root();
    const args = (contextValue: unknown): ExecutionArgs => ({
      schema,
      document,
      contextValue,
      fieldResolver: (_source, _args, _context, info) =>
        (resolvers.rootValue as Record<string, () => unknown>)[info.fieldName]?.(),
    });
    const a = shared.execute(args(viewer(null)));
    const b = shared.execute(args(viewer(null)));
    const c = shared.execute(args(viewer(7)));
    const d = shared.execute(args(viewer(7, false)));
    resolvers.release();
    const results = await Promise.all([a, b, c, d]);
    expect(resolvers.calls()).toBe(3);
    expect(results[0]).toBe(results[1]);
    expect(results[2]).not.toBe(results[0]);
    // Settled executions are forgotten: the next request reads again.
    await shared.execute(args(viewer(null)));
    expect(resolvers.calls()).toBe(4);
  });

  it('never shares mutations', async () => {
    const shared = httpExecution(new CheckedDocuments(schema));
    const document = shared.parse('mutation { bump }');
    const resolvers = root();
    const args: ExecutionArgs = {
      schema,
      document,
      contextValue: viewer(null),
      fieldResolver: (_source, _args, _context, info) =>
        (resolvers.rootValue as Record<string, () => unknown>)[info.fieldName]?.(),
    };
    const both = Promise.all([shared.execute(args), shared.execute(args)]);
    resolvers.release();
    await both;
    expect(resolvers.calls()).toBe(2);
  });
});
