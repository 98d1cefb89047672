#!/usr/bin/env node
// `npm test`: typecheck, lint, unit/property tests, then the Playwright walkthroughs.
// Each stage runs even if an earlier one failed, so one run shows everything that is wrong;
// the last line is the tally CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'adp-test-'));
let passed = 0;
let failed = 0;
const summary = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function stage(label, cmd, args) {
  const ok = run(label, cmd, args);
  if (ok) passed++;
  else failed++;
  summary.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

function countVitest(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) };
}

function countPlaywright(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const s = r.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + (r.errors?.length ?? 0) };
}

stage('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
stage('typecheck ad-core (no DOM)', 'npx', ['tsc', '-p', 'ad-core/tsconfig.json', '--noEmit']);
stage('lint', 'npx', ['eslint', '.', '--max-warnings=0']);

const unitJson = join(tmp, 'vitest.json');
const unitOk = run('unit and property tests', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`,
]);
const unit = countVitest(unitJson);
if (unit) {
  passed += unit.passed;
  failed += unit.failed;
  if (!unitOk && unit.failed === 0) failed++;
  summary.push(`unit tests: ${unit.passed} passed, ${unit.failed} failed`);
} else {
  failed++;
  summary.push('unit tests: no report (runner crashed)');
}

const hasE2e = existsSync('e2e') && readdirSync('e2e').some((f) => f.endsWith('.spec.ts'));
// A fresh machine may have no browser: find one or install Playwright's, else say so in one line
// (instead of Playwright's multi-line error from inside its setup) and count the stage as failed.
const browser = hasE2e ? ensureChromium() : { ok: true };
if (hasE2e && !browser.ok) {
  console.log(`\n${browser.line}`);
  failed++;
  summary.push('walkthroughs: not run (no Chromium)');
} else if (hasE2e) {
  const e2eJson = join(tmp, 'playwright.json');
  const e2eOk = run('Playwright walkthroughs', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
  const e2e = countPlaywright(e2eJson);
  if (e2e) {
    passed += e2e.passed;
    failed += e2e.failed;
    if (!e2eOk && e2e.failed === 0) failed++;
    summary.push(`walkthroughs: ${e2e.passed} passed, ${e2e.failed} failed`);
  } else {
    failed++;
    summary.push('walkthroughs: no report (runner crashed)');
  }
}

console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
