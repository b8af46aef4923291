package org.hackablemail.plugin.host;

/** The call a plugin instance is running: what its host functions read and record. */
record ActiveCall(EmailCall call, CallEffects effects, CallVariables variables) {
}
