#!/usr/bin/env node
/**
 * `npm run mutate [-- module…]`: mutation testing (StrykerJS) of the security and money modules
 * listed in stryker.config.mjs. Each module is mutated against its own list of test files, so a
 * mutant is killed only by a test that is about that module, and each run stays short.
 *
 * Prints a score table (the README's "Mutation testing" table is copied from it), writes the
 * full reports to .stryker/, and exits 1 when a module kills fewer than MIN_SCORE % of the
 * mutants its tests cover.
 */
import fs from "node:fs";
import path from "node:path";
import { Stryker } from "@stryker-mutator/core";
import { MIN_SCORE, MUTATION_TARGETS } from "../stryker.config.mjs";

const requested = process.argv.slice(2);
const unknown = requested.filter((module) => !MUTATION_TARGETS.some((target) => target.module === module));
if (unknown.length > 0) {
  console.error(`Not in stryker.config.mjs's MUTATION_TARGETS: ${unknown.join(", ")}`);
  process.exit(2);
}
const targets = requested.length > 0 ? MUTATION_TARGETS.filter((target) => requested.includes(target.module)) : MUTATION_TARGETS;

/** Counts one module's results the way Stryker's own "covered" score does. */
function score(results) {
  const count = (...statuses) => results.filter((result) => statuses.includes(result.status)).length;
  const killed = count("Killed", "Timeout");
  const survived = count("Survived");
  const noCoverage = count("NoCoverage");
  const covered = killed + survived;
  return { killed, survived, noCoverage, ignored: count("Ignored"), covered, percent: covered === 0 ? 100 : (100 * killed) / covered };
}

const reportDir = path.resolve(".stryker");
fs.mkdirSync(reportDir, { recursive: true });
const rows = [];
for (const target of targets) {
  const name = target.module.replace(/^lib\//, "").replace(/\.ts$/, "").replaceAll("/", "-");
  const started = Date.now();
  console.log(`\n── ${target.module} (tests: ${target.tests.join(", ")})`);
  const results = await new Stryker({
    mutate: [target.module],
    testFiles: target.tests,
    jsonReporter: { fileName: path.join(reportDir, `${name}.json`) },
    htmlReporter: { fileName: path.join(reportDir, `${name}.html`) },
  }).runMutationTest();
  const row = { ...target, ...score(results), seconds: Math.round((Date.now() - started) / 1000) };
  for (const survivor of results.filter((result) => result.status === "Survived" || result.status === "NoCoverage")) {
    console.log(`  ${survivor.status}: ${target.module}:${survivor.location.start.line} ${survivor.mutatorName} → ${JSON.stringify(survivor.replacement)}`);
  }
  rows.push(row);
}

const table = [
  "| Module | Kind | Killed | Survived | No coverage | Equivalent (explained) | Score (covered) |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (row) => `| \`${row.module}\` | ${row.kind} | ${row.killed} | ${row.survived} | ${row.noCoverage} | ${row.ignored} | ${row.percent.toFixed(1)} % |`,
  ),
];
console.log(`\n${table.join("\n")}\n`);
fs.writeFileSync(path.join(reportDir, "scores.md"), `${table.join("\n")}\n`);

const below = rows.filter((row) => row.percent < MIN_SCORE);
if (below.length > 0) {
  console.error(`Below ${MIN_SCORE} %: ${below.map((row) => `${row.module} (${row.percent.toFixed(1)} %)`).join(", ")}`);
  process.exit(1);
}
