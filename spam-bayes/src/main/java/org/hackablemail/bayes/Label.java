package org.hackablemail.bayes;

/** What a trainer says a message is. */
public enum Label {
    SPAM,
    HAM
}
