/**
 * One side of a review: a directory, or a revision of the git repository the command runs in, read without a
 * checkout (`git ls-tree`, `git show REV:path`). Paths are relative to the directory or to the repository's top.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Label } from '../../engine/documents/enums.ts';
import { resolvePath } from '../readFiles.ts';

/** The files of one side. */
export interface Tree {
  /** How the side is named: the directory as given, or `origin/main (1a2b3c4)`. */
  label: string;
  /** Paths of the files under `folders` (relative, `/`-separated), sorted. */
  list(folders: readonly string[]): Promise<string[]>;
  /** A file's text (UTF-8). */
  read(path: string): Promise<string>;
}

export type TreeOpen = { ok: true; tree: Tree } | { ok: false; message: Label };

const MAX_OUTPUT = 256 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): Promise<{ ok: true; stdout: string } | { ok: false; stderr: string; missing: boolean }> {
  return new Promise((done) => {
    execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) done({ ok: false, stderr: String(stderr || error.message).trim(), missing: (error as NodeJS.ErrnoException).code === 'ENOENT' });
      else done({ ok: true, stdout });
    });
  });
}

/** A directory side: every regular file under the folders, read from disk. */
function directoryTree(root: string, label: string): Tree {
  async function walk(dir: string, out: string[]): Promise<void> {
    let entries;
    try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, out);
      else if (e.isFile()) out.push(relative(root, p).split(sep).join('/'));
    }
  }
  return {
    label,
    async list(folders) {
      const out: string[] = [];
      for (const f of folders) await walk(join(root, f), out);
      return [...new Set(out)].sort();
    },
    read: (path) => readFile(join(root, path), 'utf8'),
  };
}

/** A revision side: `git ls-tree` lists, `git show` reads, both from the repository at `top`. */
function revisionTree(top: string, rev: string, commit: string): Tree {
  return {
    label: `${rev} (${commit.slice(0, 7)})`,
    async list(folders) {
      const r = await git(top, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', ...folders]);
      if (!r.ok) throw new Error(r.stderr);
      return r.stdout.split('\0').filter((p) => p !== '').sort();
    },
    async read(path) {
      const r = await git(top, ['show', `${commit}:${path}`]);
      if (!r.ok) throw new Error(r.stderr);
      return r.stdout;
    },
  };
}

/**
 * Opens `spec`: an existing directory (relative to `cwd`) is read as it is; anything else is a git revision of the
 * repository `cwd` is in. Not a repository, no git, or a revision that does not exist: a message saying which.
 */
export async function openTree(cwd: string, spec: string): Promise<TreeOpen> {
  const path = resolvePath(cwd, spec);
  const isDir = await stat(path).then((s) => s.isDirectory(), () => false);
  if (isDir) return { ok: true, tree: directoryTree(path, spec) };
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    return { ok: false, message: top.missing
      ? { vi: `"${spec}" không phải thư mục, và không chạy được git để đọc nó như một phiên bản (revision): chưa cài git?`, en: `"${spec}" is not a directory, and git cannot be run to read it as a revision: is git installed?` }
      : { vi: `"${spec}" không phải thư mục, và ${cwd} không nằm trong kho git nào nên không đọc được nó như một phiên bản (revision)`, en: `"${spec}" is not a directory, and ${cwd} is not inside a git repository, so it cannot be read as a revision` } };
  }
  const commit = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`]);
  if (!commit.ok) {
    return { ok: false, message: {
      vi: `không có thư mục hay phiên bản git "${spec}" trong kho ${top.stdout.trim()} (CI: đã fetch nhánh đích chưa? ví dụ git fetch origin main)`,
      en: `there is no directory or git revision "${spec}" in the repository ${top.stdout.trim()} (CI: was the target branch fetched? e.g. git fetch origin main)`,
    } };
  }
  return { ok: true, tree: revisionTree(top.stdout.trim(), spec, commit.stdout.trim()) };
}
