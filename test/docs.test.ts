import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * docs/architecture.md is the design document: its layout block must name only paths that exist,
 * every folder two levels down and every top-level file, and no relative link in the docs may point
 * at nothing. Both rot silently otherwise, since nothing else reads them.
 */
const root = path.resolve(__dirname, '..');

/**
 * Tracked files plus new ones not yet added, so a folder fails the test before its first commit too;
 * only regular files on disk (not a deleted one, not a worktree's node_modules symlink).
 */
function treeFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((file) => file !== '' && lstatSync(path.join(root, file), { throwIfNoEntry: false })?.isFile());
}

/** Folders (with a trailing `/`) up to `maxDepth` levels down, from the tree's file paths. */
function foldersOf(files: string[], maxDepth: number): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/').slice(0, -1);
    for (let depth = 1; depth <= Math.min(parts.length, maxDepth); depth++) {
      folders.add(parts.slice(0, depth).join('/') + '/');
    }
  }
  return folders;
}

/** Lines indented this far continue the description above; entries are indented two spaces a level. */
const CONTINUATION_INDENT = 16;

/** The paths the first fenced block under `## Layout` names, nested by indentation. */
function layoutPaths(markdown: string): string[] {
  const section = markdown.split(/^## Layout$/m)[1];
  if (section === undefined) throw new Error('no "## Layout" section');
  const block = /^```\n(?<body>[\s\S]*?)^```$/m.exec(section)?.groups?.body;
  if (block === undefined) throw new Error('no fenced block in the Layout section');
  const parents: string[] = [];
  const paths: string[] = [];
  for (const line of block.split('\n')) {
    const entry = /^(?<indent> *)(?<name>\S+)/.exec(line)?.groups;
    if (entry?.indent === undefined || entry.name === undefined || entry.indent.length >= CONTINUATION_INDENT)
      continue;
    const depth = entry.indent.length / 2;
    if (!Number.isInteger(depth) || depth > parents.length)
      throw new Error(`badly indented layout line: ${line}`);
    const full = parents.slice(0, depth).join('') + entry.name;
    parents.length = depth;
    parents.push(entry.name);
    paths.push(full);
  }
  return paths;
}

function layoutProblems(markdown: string, files: string[]): string[] {
  const named = layoutPaths(markdown);
  const tracked = new Set(files);
  const problems = named
    .filter((p) => (p.endsWith('/') ? !files.some((f) => f.startsWith(p)) : !tracked.has(p)))
    .map((p) => `names ${p}, which is not in the tree`);
  const topLevelFiles = files.filter((file) => !file.includes('/'));
  for (const required of [...foldersOf(files, 2), ...topLevelFiles]) {
    if (!named.includes(required)) problems.push(`does not name ${required}`);
  }
  return problems;
}

/** Markdown without fenced blocks and inline code, where neither links nor headings count. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading = ''] of prose(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function brokenLinks(file: string, markdown: string, read: (file: string) => string | undefined): string[] {
  const broken: string[] = [];
  for (const [, target = ''] of prose(markdown).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [pathPart = '', anchor] = target.split('#');
    const resolved =
      pathPart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
    const content = read(resolved);
    if (content === undefined) {
      broken.push(`${file}: ${target} (no ${resolved})`);
    } else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(content).has(anchor)) {
      broken.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
    }
  }
  return broken;
}

function readInRepo(file: string): string | undefined {
  const absolute = path.join(root, file);
  if (!existsSync(absolute)) return undefined;
  // A link to a folder resolves when the folder exists; only .md targets are read for anchors.
  return file.endsWith('.md') ? readFileSync(absolute, 'utf8') : '';
}

describe('docs', () => {
  const files = treeFiles();
  const architecture = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');

  it("architecture.md's layout names every folder two levels down, every top-level file, and nothing that is not in the tree", () => {
    expect(layoutProblems(architecture, files)).toEqual([]);
  });

  it('the layout check catches a stale path, a missing folder and a missing top-level file', () => {
    const doc =
      '## Layout\n\n```\nschema/       the contract\n  gone/       removed\nold.ts        gone\n```\n';
    expect(
      layoutProblems(doc, [
        'schema/a.graphql',
        'schema/operations/b.graphql',
        'test/x.test.ts',
        'rover.yaml',
      ]),
    ).toEqual([
      'names schema/gone/, which is not in the tree',
      'names old.ts, which is not in the tree',
      'does not name schema/operations/',
      'does not name test/',
      'does not name rover.yaml',
    ]);
  });

  it('every relative link in the markdown files resolves, anchors included', () => {
    const markdown = files.filter((f) => f.endsWith('.md'));
    expect(markdown).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/api.md']));
    const broken = markdown.flatMap((f) => brokenLinks(f, readInRepo(f) ?? '', readInRepo));
    expect(broken).toEqual([]);
  });

  it('the link check catches a missing file and a missing heading', () => {
    const docs: Record<string, string> = { 'docs/a.md': '# A\n\n## Two words\n' };
    const read = (f: string) => docs[f];
    expect(
      brokenLinks(
        'docs/b.md',
        '[x](a.md#two-words) [y](a.md#three) [z](../nope.md) [w](https://x.y/z)',
        read,
      ),
    ).toEqual([
      'docs/b.md: a.md#three (no heading #three in docs/a.md)',
      'docs/b.md: ../nope.md (no nope.md)',
    ]);
  });
});
