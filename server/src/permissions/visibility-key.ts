import { BREAK, visit, type DocumentNode } from 'graphql';

import { callerKey, type Caller } from './principal.js';

/** Fields whose value depends on who asks; a document selecting one cannot be shared across viewers. */
const VIEWER_SPECIFIC_FIELDS = new Set(['userPermissions', 'currentUser']);

const cache = new WeakMap<DocumentNode, boolean>();

function selectsViewerSpecificField(document: DocumentNode): boolean {
  let found = cache.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (VIEWER_SPECIFIC_FIELDS.has(node.name.value)) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    });
    cache.set(document, found);
  }
  return found;
}

/**
 * The engine's visibility key: '' for documents every reader sees alike (all viewers of an issue
 * share one execution), and the viewer's identity otherwise, so `userPermissions` computed for
 * one subscriber is never sent to another. Documents are cached by the engine, so the AST walk
 * happens once per distinct query text.
 */
export function viewerVisibilityKey(document: DocumentNode, context: unknown): string {
  if (!selectsViewerSpecificField(document)) return '';
  return callerKey(context as Caller);
}
