/** Emoji characters by GitLab name (`palm_tree` → 🌴), loaded on first use: the table is large. */
let table: Promise<Map<string, string>> | undefined;

export function statusEmoji(name: string): Promise<string | null> {
  table ??= import('gemoji').then(
    ({ gemoji }) =>
      new Map(
        gemoji.flatMap((entry) => entry.names.map((n): [string, string] => [n, entry.emoji])),
      ),
  );
  return table.then((emoji) => emoji.get(name) ?? null);
}
