/**
 * The CI recipe of docs/ci, run as written: the `npx llct …` lines of docs/ci/gitlab-ci.yml and
 * docs/ci/github-actions.yml (the convention their headers state: one command per line, starting with `npx llct`)
 * are taken from the files, and run with `sh` in a temporary git repository holding two commits of a ruleset —
 * the second tightening one threshold and adding one group, published under a decision — with BASE_REF set as the
 * CI files set it. `npx llct` finds the llct of this checkout through the repository's node_modules/.bin.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './runLlct.ts';
import { GOLDEN_PATH, goldenCases, revision1, revision2, RULESET_PATH, writeTree } from './reviewFixtures.ts';

/** The recipe's commands in a CI file: every line that is `- npx llct …` or `run: npx llct …`, in order. */
function recipeCommands(yaml: string): string[] {
  return yaml.split('\n').map((line) => /^\s*(?:-\s+|run:\s+)(npx llct\s.*?)\s*$/.exec(line)?.[1]).filter((c): c is string => c !== undefined);
}

const gitlab = recipeCommands(readFileSync(join(ROOT, 'docs/ci/gitlab-ci.yml'), 'utf8'));
const github = recipeCommands(readFileSync(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8'));

const repo = mkdtempSync(join(tmpdir(), 'llct-ci-'));
const home = mkdtempSync(join(tmpdir(), 'llct-ci-home-'));
const env = {
  PATH: process.env.PATH ?? '', HOME: home, GIT_CONFIG_NOSYSTEM: '1', LANG: 'C.UTF-8',
  GIT_AUTHOR_NAME: 'Ban Tổ chức (thử)', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.invalid',
  // npx must never reach a registry: llct is the one in node_modules/.bin.
  npm_config_offline: 'true', npm_config_update_notifier: 'false',
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
let baseCommit = '';

/** Commits `files` on a new branch `name` made from main. */
function branch(name: string, files: Record<string, unknown>): void {
  git('checkout', '-q', '-b', name, 'main');
  writeTree(repo, files);
  git('add', '-A');
  git('commit', '-q', '-m', name);
}

/** Runs one recipe line with sh in the repository, on the branch checked out, as a CI job would. */
function sh(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd: repo, env: { ...env, BASE_REF: baseCommit }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(ROOT, 'bin', 'llct.mjs'), join(repo, 'node_modules', '.bin', 'llct'));
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\nllct-*.md\nllct-*.xml\n');
  writeTree(repo, { [RULESET_PATH]: revision1(), [GOLDEN_PATH]: goldenCases(1) });
  git('add', '-A');
  git('commit', '-q', '-m', '350-QĐ/TW, bản 1');
  baseCommit = git('rev-parse', 'HEAD');
  branch('published-change', { [RULESET_PATH]: revision2(), [GOLDEN_PATH]: goldenCases(2) });
  branch('no-decision', { [RULESET_PATH]: revision2(false), [GOLDEN_PATH]: goldenCases(2) });
  branch('stale-golden', { [RULESET_PATH]: revision2(), [GOLDEN_PATH]: goldenCases(1) });
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const review = () => gitlab.find((c) => c.startsWith('npx llct review '))!;

describe('the CI recipe in docs/ci', () => {
  it('is the same list of llct commands in the GitLab and the GitHub file, review included', () => {
    expect(gitlab).toEqual(github);
    expect(gitlab.map((c) => c.split(' ')[2])).toEqual(['validate', 'test', 'coverage', 'review']);
    expect(review()).toContain('--base "$BASE_REF" --head HEAD');
  });

  it('passes a change published under a decision, and the Markdown says what changed', async () => {
    git('checkout', '-q', 'published-change');
    for (const command of gitlab) {
      const r = await sh(command);
      expect({ command, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ command, code: 0, stderr: '' });
    }
    const md = readFileSync(join(repo, 'llct-review.md'), 'utf8');
    expect(md).toContain(`# Xem xét thay đổi quy tắc: ${baseCommit} (${baseCommit.slice(0, 7)}) → HEAD (`);
    expect(md).toContain('✅ Đạt. 2 tài liệu thay đổi (0 thêm, 0 xoá, 2 sửa); 1 ca kiểm thử chuẩn đổi kết quả, 0 ca sai trên bản mới');
    expect(md).toMatch(/\| trung cấp, không tập trung \| 28 \| 30 \|/);
    expect(md).toContain('Nhóm đối tượng thêm:');
    expect(md).toContain('ban hành ngày 05/12/2025 theo 01-QĐ/TU');
    expect(readFileSync(join(repo, 'llct-golden.xml'), 'utf8')).toMatch(/^<\?xml/);
  }, 180_000);

  it('fails (exit 1) a change whose new revision names no decision', async () => {
    git('checkout', '-q', 'no-decision');
    const r = await sh(review());
    expect(r.code).toBe(1);
    const md = readFileSync(join(repo, 'llct-review.md'), 'utf8');
    expect(md).toContain('❌ Không đạt.');
    expect(md).toContain('BẢN NHÁP: bản 2 chưa được ban hành theo quyết định nào');
    expect(md).toContain('(review/draft)');
  }, 60_000);

  it('fails (exit 1) a change that leaves a golden case failing', async () => {
    git('checkout', '-q', 'stale-golden');
    const r = await sh(review());
    expect(r.code).toBe(1);
    const md = readFileSync(join(repo, 'llct-review.md'), 'utf8');
    expect(md).toContain('❌ Không đạt.');
    expect(md).toContain('Ca sai trên bản mới:');
    expect(md).toContain('nu-29: eligible: expected true, got false');
  }, 60_000);

  it('is a usage error (exit 2) when the target branch is not there, as in a clone that did not fetch it', async () => {
    const r = await sh('npx llct review --base origin/main --head HEAD');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có thư mục hay phiên bản git "origin/main"');
  }, 60_000);
});
