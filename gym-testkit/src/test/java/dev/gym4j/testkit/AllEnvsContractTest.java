package dev.gym4j.testkit;

/** Every env on this module's test class path (the test provider's GridWalk) meets the contract. */
class AllEnvsContractTest extends AllRegisteredEnvsContractTest {
}
