import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { reportHtml } from '../../../../src/runtime/report/html/report-html';
import { PlanReport } from '../../../../src/runtime/report/plan-report';
import { planWorkload } from '../../../../src/runtime/report/plan-workload';
import { parseWorkload, parseWorkloadText } from '../../../../src/runtime/report/workload';
import { fairShareTemplateFile } from '../fair-share-plan-fixture';

/** The page's DOM, inside page.evaluate (the test project has no DOM typings). */
declare const document: { querySelectorAll(selector: string): ArrayLike<PageElement> };
interface PageElement {
  readonly id: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

const FIXTURES = path.join(__dirname, '..', '..', '..', 'cli', 'fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing; CI installs it (apt-get install -y --no-install-recommends chromium)`);
}
if (!haveChromium) {
  // One line, without console.warn's stack trace.
  process.stderr.write(`skipping the plan report browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or install chromium)\n`);
}
const browserTest = haveChromium ? test : test.skip;

function fixtureReport(): PlanReport {
  const file = path.join(FIXTURES, 'plan-workload.json');
  return planWorkload({ templateFile: path.join(FIXTURES, 'small-stack.template.json') }, parseWorkloadText(fs.readFileSync(file, 'utf8'), file));
}

/** The value at a dotted path such as `computeEnvironments.0.costUsd`. */
function at(report: PlanReport, figurePath: string): unknown {
  return figurePath.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], report);
}

/** A run on a fair-share queue: teamA (weight 1) and teamB (weight 3), 24 one-vCPU jobs each on 4 vCPUs. */
function fairShareReport(): PlanReport {
  const workload = parseWorkload({
    submissions: ['teamA', 'teamB'].map((share) => ({ jobName: share, jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: share, count: 24 })),
    behaviors: { one: { durationSeconds: 100 } },
  });
  return planWorkload({ templateFile: fairShareTemplateFile({ teamA: 1, teamB: 3 }) }, workload);
}

describe('reportHtml', () => {
  test('PLAN-13, FS-4: a fair-share queue adds a table per share (weight, waits, target vs achieved) and a stacked vCPU chart', async () => {
    // GIVEN
    const report = fairShareReport();

    // WHEN
    const html = await reportHtml(report, 'Plan');

    // THEN
    expect(html).toContain('<h2 id="fair-share">Fair-share queues</h2>');
    expect(html).toContain('id="chart-shares-0"');
    expect(html).toContain('vCPUs in use per share: Teams');
    expect(html).toContain('<td data-figure="fairShareQueues.0.shares.0.targetShare" data-value="0.75">75.0%</td>');
    expect(html).toMatch(/<td data-figure="fairShareQueues\.0\.shares\.1\.achievedShare" data-value="0\.2[0-9]*">2[0-9]\.[0-9]%<\/td>/);
    expect(html).toContain('Saturated: at least two shares have jobs in the queue');
  });


  test('PLAN-10: the page is self-contained and deterministic, with a chart per figure and the figures as JSON', async () => {
    // GIVEN
    const report = fixtureReport();

    // WHEN rendered twice
    const html = await reportHtml(report, 'Plan');
    const again = await reportHtml(fixtureReport(), 'Plan');

    // THEN
    expect(again).toBe(html);
    for (const id of ['gantt', 'utilization', 'instances', 'waits']) expect(html).toContain(`id="chart-${id}"`);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    const embedded = html.match(/<script type="application\/json" id="plan-report">(.*?)<\/script>/s)![1];
    expect(JSON.parse(embedded)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  test('PLAN-10, issue #25: the page names the instance types of each CE and lists the findings; approximate waits are marked', async () => {
    // GIVEN the fixture's report with a finding and approximate queue waits
    const base = fixtureReport();
    const report: PlanReport = {
      ...base,
      queues: base.queues.map((q) => ({ ...q, wait: { ...q.wait, exact: false } })),
      findings: [{ kind: 'MEMORY_BOUND_PACKING', text: 'memory-bound packing in small-ce: <figures>' }],
    };

    // WHEN
    const html = await reportHtml(report, 'Plan');

    // THEN
    const types = base.computeEnvironments[0].instanceTypes.map((t) => `${t.instanceType} × ${t.launched}`).join(', ');
    expect(types).not.toBe('');
    expect(html).toContain(`<td class="text">${types}</td>`);
    expect(html).toContain('<h2>Findings</h2>\n<ul id="findings">\n<li data-kind="MEMORY_BOUND_PACKING">memory-bound packing in small-ce: &#60;figures&#62;</li>');
    expect(html).toMatch(/data-figure="queues\.0\.wait\.p50Seconds" data-value="[\d.e-]+">[\d,.]+ \(±1%\)</);
  });

  test('PLAN-10: more attempts than the Gantt limit draw as density, and the page stays small', async () => {
    // GIVEN a report whose attempts were too many to keep
    const report = { ...fixtureReport(), attempts: [], attemptsComplete: false };

    // WHEN
    const html = await reportHtml(report, 'Plan');

    // THEN
    expect(html).toContain('density');
    expect(html.length).toBeLessThan(400_000);
  });

  browserTest('PLAN-10: in headless Chromium: no console errors, charts have marks, the summary matches --json; screenshot', async () => {
    // GIVEN the report written to a fresh folder
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-browser-'));
    const report = fixtureReport();
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, await reportHtml(report, 'Plan'));
    const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      page.on('pageerror', (error) => errors.push(error.message));
      const requests: string[] = [];
      page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });

      // WHEN
      await page.goto(`file://${file}`);
      const marks = await page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('section.chart')).map((section) => [
        section.id,
        section.querySelectorAll('svg g.mark-rect path, svg g.mark-line path, svg g.mark-rect > path, svg g.mark-area path').length,
      ])));
      const figures = await page.evaluate(() => Array.from(document.querySelectorAll('[data-figure]')).map((cell) => [cell.getAttribute('data-figure')!, cell.getAttribute('data-value')!]));
      await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });

      // THEN
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(Object.keys(marks).sort()).toEqual(['chart-gantt', 'chart-instances', 'chart-utilization', 'chart-waits']);
      for (const count of Object.values(marks)) expect(count).toBeGreaterThan(0);
      expect(figures.length).toBeGreaterThan(10);
      for (const [figure, value] of figures) expect([figure, Number(value)]).toEqual([figure, at(report, figure)]);
      expect(fs.statSync(path.join(dir, 'report.png')).size).toBeGreaterThan(10_000);
    } finally {
      await context.close();
    }
  }, 120_000);

  browserTest('PLAN-13: in headless Chromium the per-share chart draws its stacked areas and the share table matches --json', async () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-shares-'));
    const report = fairShareReport();
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, await reportHtml(report, 'Plan'));
    const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      // WHEN
      await page.goto(`file://${file}`);
      const areas = await page.evaluate(() => document.querySelectorAll('#chart-shares-0 svg g.mark-area path').length);
      const legend = await page.evaluate(() => Array.from(document.querySelectorAll('#chart-shares-0 svg g.role-legend-label text')).map((t) => t.getAttribute('text-anchor') !== null));
      const figures = await page.evaluate(() => Array.from(document.querySelectorAll('[data-figure^="fairShareQueues"]')).map((cell) => [cell.getAttribute('data-figure')!, cell.getAttribute('data-value')!]));
      const chart = await page.$('#chart-shares-0');
      await chart!.screenshot({ path: path.join(dir, 'shares.png') });

      // THEN one stacked area per share, a legend entry each, every share figure equal to the JSON
      expect(errors).toEqual([]);
      expect(areas).toBe(2);
      expect(legend.length).toBe(2);
      expect(figures.length).toBe(1 + 2 * 8);
      for (const [figure, value] of figures) expect([figure, Number(value)]).toEqual([figure, at(report, figure)]);
      expect(fs.statSync(path.join(dir, 'shares.png')).size).toBeGreaterThan(5_000);
    } finally {
      await context.close();
    }
  }, 120_000);
});
