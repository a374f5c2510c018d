import {
  GraphQLError,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLFieldResolver,
  type GraphQLScalarType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';

/** A type's resolvers as codegen's `Resolvers` map writes them: fields, or `__resolveType`. */
type TypeResolvers = Record<string, unknown>;

/**
 * Puts resolvers and scalar implementations onto a schema built from SDL (graphql-js
 * `buildSchema` leaves every field on the default resolver and every scalar as a pass-through).
 * A resolver for a type or field the SDL does not have is a mistake that would otherwise be
 * silently ignored: it throws here, at start.
 */
export function attachResolvers(
  schema: GraphQLSchema,
  resolvers: Record<string, GraphQLScalarType | TypeResolvers>,
): GraphQLSchema {
  for (const [typeName, implementation] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`Resolvers given for ${typeName}, which the schema does not have`);
    if (isScalarType(type)) {
      const scalar = implementation as GraphQLScalarType;
      type.serialize = scalar.serialize;
      type.parseValue = scalar.parseValue;
      type.parseLiteral = scalar.parseLiteral;
    } else if (isInterfaceType(type) || isUnionType(type)) {
      const { __resolveType, ...rest } = implementation as TypeResolvers;
      if (Object.keys(rest).length > 0) {
        throw new Error(`${typeName} is abstract: only __resolveType can be given`);
      }
      type.resolveType = __resolveType as GraphQLTypeResolver<unknown, unknown>;
    } else if (isObjectType(type)) {
      const fields = type.getFields();
      for (const [fieldName, resolver] of Object.entries(implementation as TypeResolvers)) {
        const field = fields[fieldName];
        if (!field)
          throw new Error(`Resolver given for ${typeName}.${fieldName}, not in the schema`);
        if (typeof resolver === 'function') {
          field.resolve = resolver as GraphQLFieldResolver<unknown, unknown>;
        } else {
          const { resolve, subscribe } = resolver as Record<
            string,
            GraphQLFieldResolver<unknown, unknown>
          >;
          field.resolve = resolve;
          field.subscribe = subscribe;
        }
      }
    } else {
      throw new GraphQLError(
        `Resolvers cannot be given for ${typeName} (${type.constructor.name})`,
      );
    }
  }
  return schema;
}
