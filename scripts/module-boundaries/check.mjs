// `npm run lint` runs this: dependency-cruiser checks the file rules of .dependency-cruiser.mjs
// (deep imports, drizzle outside repositories, file cycles), and this script adds the one check
// dependency-cruiser has no rule for: cycles between core modules (folders under packages/core/src).
// Usage: node scripts/module-boundaries/check.mjs [root]   (root defaults to the repository)
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import config from '../../.dependency-cruiser.mjs';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const scanned = ['packages/core/src', 'apps/server/src', 'apps/cli/src'];

/** The infrastructure layer counts as one node: shared/ and db/ may use each other, nothing else. */
const infrastructure = new Set(['shared', 'db']);

/** The module a production file belongs to; tests and test builders are left out of the module graph. */
function moduleOf(path) {
  const match = /^packages\/core\/src\/([^/]+)\//.exec(path);
  if (!match || match[1] === 'testing' || /\.test\.tsx?$/.test(path)) return undefined;
  return infrastructure.has(match[1]) ? 'shared+db' : match[1];
}

/** Strongly connected components of more than one module (Tarjan). */
function moduleCycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Runs every check on `root`; returns the violations as `{ rule, from, to }` (empty when clean). */
export async function checkModuleBoundaries(root = repositoryRoot) {
  const roots = scanned.filter((folder) => {
    try {
      return statSync(resolve(root, folder)).isDirectory();
    } catch {
      return false;
    }
  });
  const { output } = await cruise(roots, {
    ...config.options,
    baseDir: root,
    validate: true,
    ruleSet: config,
  });
  const violations = output.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to,
  }));
  const edges = new Map();
  const example = new Map();
  for (const file of output.modules) {
    const from = moduleOf(file.source);
    if (!from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    for (const dependency of file.dependencies) {
      const to = moduleOf(dependency.resolved);
      if (!to || to === from) continue;
      edges.get(from).add(to);
      if (!example.has(`${from}>${to}`))
        example.set(`${from}>${to}`, `${file.source} → ${dependency.resolved}`);
    }
  }
  for (const cycle of moduleCycles(edges)) {
    const inCycle = new Set(cycle);
    const links = cycle.flatMap((from) =>
      [...(edges.get(from) ?? [])].filter((to) => inCycle.has(to)).map((to) => example.get(`${from}>${to}`)),
    );
    violations.push({ rule: 'no-module-cycle', from: cycle.join(' ⇄ '), to: links.join('; ') });
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? repositoryRoot);
  const violations = await checkModuleBoundaries(root);
  for (const violation of violations) console.error(`${violation.rule}: ${violation.from} → ${violation.to}`);
  if (violations.length > 0) {
    const perRule = new Map();
    for (const violation of violations) perRule.set(violation.rule, (perRule.get(violation.rule) ?? 0) + 1);
    const counts = [...perRule].map(([rule, count]) => `${count} ${rule}`);
    console.error(
      `\nModule boundaries: ${violations.length} violations (${counts.join(', ')}). See docs/decisions/module-boundaries.md.`,
    );
    process.exitCode = 1;
  } else {
    console.log('Module boundaries: no violations.');
  }
}
