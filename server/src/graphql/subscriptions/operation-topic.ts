import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  Kind,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

import { topicFor } from './topic.js';

/**
 * The topic of a subscription operation: its single root field with the arguments coerced as
 * the schema defines them (defaults included), so every spelling of the same subscription
 * lands on the same topic. Throws GraphQLErrors fit for `result.errors`.
 */
export function topicOfOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0] ?? new GraphQLError('Invalid variables');
  const [selection] = operation.selectionSet.selections;
  if (selection?.kind !== Kind.FIELD) {
    throw new GraphQLError('A subscription must select its root field directly');
  }
  const field = schema.getSubscriptionType()?.getFields()[selection.name.value];
  if (!field) throw new GraphQLError(`Unknown subscription field "${selection.name.value}"`);
  return topicFor(field.name, getArgumentValues(field, selection, coerced.coerced));
}
