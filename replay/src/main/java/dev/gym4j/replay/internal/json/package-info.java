/**
 * A small JSON reader and writer with Python's {@code json} conventions (the {@code NaN}, {@code Infinity}
 * and {@code -Infinity} tokens, float reprs that round-trip exactly). Internal to gym4j: exported only to
 * the testkit and the command line.
 */
package dev.gym4j.replay.internal.json;
