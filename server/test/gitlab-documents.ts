import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse, type DocumentNode } from 'graphql';

const folder = fileURLToPath(new URL('./gitlab-documents', import.meta.url));

/**
 * Loads a document written in GitLab's shape, following its `#import "./x.fragment.graphql"`
 * lines as GitLab's webpack loader does (each fragment once).
 */
export function loadGitlabDocument(name: string): DocumentNode {
  const seen = new Set<string>();
  const sources: string[] = [];
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    for (const [, imported] of text.matchAll(/^#import "(.+)"$/gm)) {
      visit(join(dirname(path), imported as string));
    }
    sources.push(text);
  };
  visit(join(folder, name));
  return parse(sources.join('\n'));
}

/** The operation documents of the folder (fragments are reached through their imports). */
export function gitlabOperationFiles(): string[] {
  return readdirSync(folder).filter((file) => !file.endsWith('.fragment.graphql'));
}
