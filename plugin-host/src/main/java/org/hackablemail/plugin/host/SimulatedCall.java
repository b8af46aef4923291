package org.hackablemail.plugin.host;

import java.time.Duration;

/**
 * What a rehearsed call did, and how long it took on a warm instance: the time production calls are held to.
 *
 * @param time the measured call's time; when the warm-up call already failed, the warm-up's
 */
public record SimulatedCall(Outcome outcome, Duration time) {
}
