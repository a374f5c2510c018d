import { buildSchema, graphql, GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';

import { attachResolvers } from './attach-resolvers.js';

const sdl = `
  scalar Upper
  interface Named { name: String! }
  type Thing implements Named { name: String! shout: Upper! }
  type Query { thing: Named! count: Int! }
  type Subscription { ticks: Int! }
`;

const Upper = new GraphQLScalarType<string, string>({
  name: 'Upper',
  serialize: (value) => String(value).toUpperCase(),
});

describe('attachResolvers', () => {
  it('runs field resolvers, scalar implementations and __resolveType', async () => {
    const schema = attachResolvers(buildSchema(sdl), {
      Upper,
      Query: { thing: () => ({ name: 'lamp' }), count: () => 3 },
      Named: { __resolveType: () => 'Thing' },
      Thing: { shout: (thing: { name: string }) => thing.name },
    });
    const result = await graphql({
      schema,
      source: '{ count thing { __typename name ... on Thing { shout } } }',
    });
    expect(result).toEqual({
      data: { count: 3, thing: { __typename: 'Thing', name: 'lamp', shout: 'LAMP' } },
    });
  });

  it('keeps subscribe and resolve of a subscription field', () => {
    const subscribe = () => 'stream';
    const resolve = () => 1;
    const schema = attachResolvers(buildSchema(sdl), {
      Subscription: { ticks: { subscribe, resolve } },
    });
    const field = schema.getSubscriptionType()?.getFields().ticks;
    expect(field?.subscribe).toBe(subscribe);
    expect(field?.resolve).toBe(resolve);
  });

  it('refuses resolvers for types or fields the SDL does not have', () => {
    expect(() => attachResolvers(buildSchema(sdl), { Missing: {} })).toThrow(/Missing/);
    expect(() => attachResolvers(buildSchema(sdl), { Query: { nope: () => 1 } })).toThrow(
      /Query\.nope/,
    );
    expect(() =>
      attachResolvers(buildSchema(sdl), {
        Named: { name: () => 'x', __resolveType: () => 'Thing' },
      }),
    ).toThrow(/abstract/);
  });
});
