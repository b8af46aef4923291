package org.hackablemail.bayes.model;

import java.time.Instant;
import java.util.Optional;

/**
 * What an administrator wants to know about the filter.
 *
 * @param spamMessages     spam messages the shared model learnt from (baseline included)
 * @param hamMessages      ham messages likewise
 * @param lastTrained      when a message was last trained, in any scope
 * @param distinctTokens   tokens of the shared model
 * @param spamTokens       of which seen in spam
 * @param hamTokens        of which seen in ham
 * @param trainedMessages  trained messages in all scopes
 * @param promotedMessages users' messages the shared model learnt because enough users trained their class alike
 * @param usersWithLayers  users with a personal layer
 * @param layersInMemory   personal layers loaded on this node
 */
public record ModelStatistics(long spamMessages, long hamMessages, Optional<Instant> lastTrained, long distinctTokens,
                              long spamTokens, long hamTokens, long trainedMessages, long promotedMessages,
                              long usersWithLayers, long layersInMemory) {
}
