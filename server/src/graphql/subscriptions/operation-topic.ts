import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  Kind,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

import { topicFor } from './topic.js';

/** What a subscription listens to: its root field with the arguments as coerced, and the name. */
export interface TopicDescriptor {
  readonly field: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly name: string;
}

/**
 * The topic of a subscription operation: its one root field with the arguments coerced as the
 * schema defines them (defaults included, IDs in their canonical spelling), so every spelling of
 * the same subscription lands on the same topic. The root field must be exactly what executes:
 * one plain field, no fragment and no directive (`@skip`/`@include` could make the field that
 * runs differ from the one that names the topic). Throws GraphQLErrors fit for `result.errors`.
 */
export function topicOfOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): TopicDescriptor {
  // Every viewer of an issue subscribes with the same operation and variables: coerced once.
  const key = JSON.stringify(variables);
  let known = topics.get(schema)?.get(operation);
  const topic = known?.get(key);
  if (topic) return topic;
  const found = coercedTopic(schema, operation, variables);
  if (key.length > MAX_KEY_LENGTH) return found;
  if (!known) {
    known = new Map();
    const bySchema = topics.get(schema) ?? new WeakMap();
    bySchema.set(operation, known);
    topics.set(schema, bySchema);
  }
  if (known.size >= TOPICS_PER_OPERATION) known.delete(known.keys().next().value as string);
  known.set(key, found);
  return found;
}

/** Topics by schema, operation and variables (as JSON): a few hundred per operation at most. */
const topics = new WeakMap<
  GraphQLSchema,
  WeakMap<OperationDefinitionNode, Map<string, TopicDescriptor>>
>();
const TOPICS_PER_OPERATION = 1024;
const MAX_KEY_LENGTH = 1024;

function coercedTopic(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): TopicDescriptor {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0] ?? new GraphQLError('Invalid variables');
  const { selections } = operation.selectionSet;
  const [selection] = selections;
  if (selections.length !== 1 || selection?.kind !== Kind.FIELD || selection.directives?.length) {
    throw new GraphQLError(
      'A subscription must select exactly one root field, directly and without directives',
    );
  }
  const field = schema.getSubscriptionType()?.getFields()[selection.name.value];
  if (!field) throw new GraphQLError(`Unknown subscription field "${selection.name.value}"`);
  const args = getArgumentValues(field, selection, coerced.coerced);
  return { field: field.name, args, name: topicFor(field.name, args) };
}
