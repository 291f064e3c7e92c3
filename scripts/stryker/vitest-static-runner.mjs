/**
 * StrykerJS test runner "vitest-static": the Vitest runner, except that every mutant is
 * switched on before the test file loads its modules ("static" activation).
 *
 * Stryker 9.6.1 activates a mutant in a module-level constant (the PKCE patterns, lookup
 * tables) only once a test starts when `testFiles` is set, after the module has already been
 * evaluated, so such mutants "survived" every test (stryker-js#6144, #6209). Activating every
 * mutant early is also right for the others: Vitest evaluates each test file afresh.
 */
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";
import { strykerPlugins as vitestPlugins } from "@stryker-mutator/vitest-runner";

const vitestFactory = vitestPlugins.find((plugin) => plugin.name === "vitest").factory;

function createStaticVitestRunner(injector) {
  const runner = vitestFactory(injector);
  const mutantRun = runner.mutantRun.bind(runner);
  runner.mutantRun = (options) => mutantRun({ ...options, mutantActivation: "static" });
  return runner;
}
createStaticVitestRunner.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, "vitest-static", createStaticVitestRunner)];
export { strykerValidationSchema } from "@stryker-mutator/vitest-runner";
