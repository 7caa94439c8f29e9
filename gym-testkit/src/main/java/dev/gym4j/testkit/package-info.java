/**
 * What an env author adds to their tests to check an env in one line: {@link dev.gym4j.testkit.EnvContractTest}
 * (extend it, give the env factory), {@link dev.gym4j.testkit.AllRegisteredEnvsContractTest} (extend it,
 * every registered env is checked) and the checks themselves, {@link dev.gym4j.testkit.EnvContract}.
 */
package dev.gym4j.testkit;
