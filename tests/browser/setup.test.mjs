// tools/setup.sh, which every test run starts with: a second run installs nothing (it used to
// reinstall the fonts each time: `fc-list | grep -q` under pipefail fails by SIGPIPE), and a
// machine without apt-get that has what is needed is not refused. Not a browser test; it sits
// here because this folder is what the test command runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const BASH = spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();
const run = (env = process.env) => spawnSync(BASH, [join(ROOT, 'tools/setup.sh'), 'browser'], { cwd: ROOT, env, encoding: 'utf8' });

test('setup.sh browser: with chromium and the fonts there, it installs nothing and says nothing', () => {
  for (let k = 0; k < 2; k++) {
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout + r.stderr, '', `run ${k + 1} had something to do`);
  }
});

test('setup.sh browser: without apt-get on the machine, what is there is enough', () => {
  // A PATH with the commands the script uses and no apt-get.
  const bin = mkdtempSync(join(tmpdir(), 'mo-noapt-'));
  try {
    for (const cmd of ['dirname', 'fc-list', 'id', 'cat']) {
      const found = spawnSync('bash', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
      if (found) symlinkSync(found, join(bin, cmd));
    }
    const r = run({ ...process.env, PATH: bin });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /apt-get|installing/);
    // A browser that is not there is said, and refused, rather than looked for with apt-get.
    const missing = run({ ...process.env, PATH: bin, CHROMIUM: '/nonexistent/chromium' });
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /missing chromium and no apt-get/);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
