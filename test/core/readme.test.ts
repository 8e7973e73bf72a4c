import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../adapters/cli/command-names.js';
import { EXAMPLE_QUESTIONS, exampleBlock, exampleSession, README, readmeBlock, ROOT } from '../tools/readme-example.js';

const readme = readFileSync(README, 'utf8');
const section = (heading: string) => {
  const from = readme.indexOf(`\n## ${heading}`);
  const to = readme.indexOf('\n## ', from + 4);
  return readme.slice(from, to === -1 ? undefined : to);
};

describe('README, for the newcomer', () => {
  it('shows the example session exactly as the console chat prints it (npm run readme:example rewrites it)', async () => {
    const session = await exampleSession();
    expect(readmeBlock(readme), 'README and real output differ: run npm run readme:example').toBe(exampleBlock(session));
    // …and the built `grok-facts` command prints the same answers for the same questions.
    const bin = resolve(ROOT, 'dist/cli/main.js');
    if (!existsSync(bin)) throw new Error('dist/ is missing: npm test builds it first (npm run build)');
    const real = spawnSync(process.execPath, [bin], { cwd: ROOT, input: `${EXAMPLE_QUESTIONS.join('\n')}\n`, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(real.stdout.trimEnd()).toBe(session.replace(/^you › .*\n/gm, ''));
  }, 30_000);

  it('lists every grok-facts subcommand in its command table', () => {
    const table = section('The `grok-facts` command');
    for (const command of COMMANDS) expect(table, `grok-facts ${command} is missing from the README's table`).toContain(`| \`grok-facts ${command}`);
  });

  it('says how to install (better-sqlite3 builds) and run from anywhere', () => {
    const install = section('Quick start');
    for (const needed of ['better-sqlite3', 'prebuilt', 'compiles', 'python3', 'make', 'C++ compiler']) expect(install).toContain(needed);
    expect(readme).toContain('npm link');
    expect(readme).toContain('npm install -g .');
  });

  it('describes what the code does now: UTF-16 offsets, [#n] markers, one pid file per process, code-point limit', () => {
    expect(readme).toMatch(/UTF-16 code units/);
    expect(readme).toMatch(/code points/);
    expect(readme).toContain('grok-facts.<pid>.pid');
    expect(readme).not.toMatch(/\b(a|the) pid file\b/i);
    // The bot's own markers are [#n]; a bare [1] in an example would be an article's own reference.
    expect(readmeBlock(readme)).not.toMatch(/\[\d+\]/);
  });
});
